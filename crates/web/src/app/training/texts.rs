//! The training kiosk's words, in English and Chinese: its labels and the
//! name of every fault the generator can plant.

use synth::certificate::Fault;

use crate::i18n::Lang;

/// A label of the kiosk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TLabel {
    /// The kiosk's heading.
    Heading,
    /// What the kiosk is for, shown before the first exercise.
    Intro,
    /// The button that generates a certificate.
    NewExercise,
    /// The button that shows the answer key.
    ShowAnswer,
    /// The button that starts over.
    Reset,
    /// Fetching the fonts and the data for the generator.
    LoadingKit,
    /// Generating a certificate.
    Generating,
    /// The certificate is being reviewed.
    Reviewing,
    /// The review is done; the trainee should mark faults.
    MarkNow,
    /// Heading of the list of fault kinds to tick.
    YourMarks,
    /// Heading of the answer key.
    AnswerKey,
    /// No fault was planted.
    NoFaults,
    /// Heading of what the review found.
    ReviewFound,
    /// The review found nothing wrong.
    ReviewFoundNothing,
    /// Heading of the score.
    Score,
    /// Faults planted and marked.
    Hits,
    /// Faults planted, not marked.
    Misses,
    /// Marked, not planted.
    FalseMarks,
    /// A planted fault the trainee marked.
    Marked,
    /// A planted fault the trainee did not mark.
    NotMarked,
    /// The review caught the planted fault's rule.
    CaughtByReview,
    /// The review missed the planted fault's rule.
    MissedByReview,
    /// The generation failed.
    Failed,
}

/// The text of a label.
pub fn tr(lang: Lang, label: TLabel) -> &'static str {
    use TLabel::*;
    let (en, zh) = match label {
        Heading => ("Training kiosk", "培训练习"),
        Intro => (
            "Each exercise is a generated certificate with one to three planted faults. \
             Study it, tick what you suspect, then show the answer.",
            "每个练习是一份生成的证书，其中设置了一至三处错误。请查看证书，勾选您怀疑的问题，然后查看答案。",
        ),
        NewExercise => ("New exercise", "新练习"),
        ShowAnswer => ("Show answer", "查看答案"),
        Reset => ("Reset", "重新开始"),
        LoadingKit => (
            "Loading the generator's fonts and data…",
            "正在加载生成器的字体和数据…",
        ),
        Generating => ("Generating a certificate…", "正在生成证书…"),
        Reviewing => ("Reviewing the certificate…", "正在审核证书…"),
        MarkNow => (
            "Tick the faults you suspect, then show the answer.",
            "请勾选您怀疑的错误，然后查看答案。",
        ),
        YourMarks => ("What do you suspect?", "您怀疑哪些问题？"),
        AnswerKey => ("Answer key: planted faults", "答案：设置的错误"),
        NoFaults => ("No fault was planted.", "未设置错误。"),
        ReviewFound => ("What the review found", "系统审核结果"),
        ReviewFoundNothing => ("The review found nothing wrong.", "系统审核未发现问题。"),
        Score => ("Score", "得分"),
        Hits => ("hits", "命中"),
        Misses => ("misses", "遗漏"),
        FalseMarks => ("false marks", "误报"),
        Marked => ("you marked it", "您已勾选"),
        NotMarked => ("you missed it", "您未勾选"),
        CaughtByReview => ("caught by the review", "系统已发现"),
        MissedByReview => ("missed by the review", "系统未发现"),
        Failed => ("The exercise could not be made", "无法生成练习"),
    };
    lang.pick(en, zh)
}

/// The name of a fault kind, for the trainee's list.
pub fn fault_name(lang: Lang, fault: Fault) -> &'static str {
    use Fault::*;
    let (en, zh) = match fault {
        MissingConsignee => ("Consignee missing", "缺少收货人"),
        WrongDestination => ("Destination is not China", "目的地不是中国"),
        MissingChinese => ("No Chinese text", "缺少中文"),
        PageNumberMismatch => (
            "Pages carry different certificate numbers",
            "各页证书编号不一致",
        ),
        BadNumber => ("Malformed certificate number", "证书编号格式错误"),
        BadCheckDigit => ("Container check digit wrong", "集装箱号校验位错误"),
        HsOutsideHeadings => (
            "HS code outside the agreed headings",
            "HS编码不在约定税目内",
        ),
        BadDate => ("Impossible date", "日期不存在"),
        WrongCountry => ("Wrong country of origin", "原产国错误"),
        ProductionAfterIssue => ("Produced after the issue date", "生产日期晚于签发日期"),
        IssuedAfterDeparture => ("Issued after departure", "签发日期晚于启运日期"),
        LateDeparture => ("Departure too long after issue", "签发后启运过晚"),
        OutdatedTemplate => ("Outdated template version", "证书模板版本已过期"),
        BeforeListing => (
            "Produced before the establishment was listed",
            "生产日期早于企业注册日期",
        ),
        DuringSuspension => (
            "Produced while the establishment was suspended",
            "企业暂停期间生产",
        ),
        NetOverGross => ("Net weight above gross weight", "净重大于毛重"),
        ItemsSumMismatch => ("Goods lines do not add up", "货物明细与合计不符"),
        SpeciesHsMismatch => ("Species does not fit the HS code", "物种与HS编码不符"),
        TransportMismatch => ("Transport details contradict", "运输信息矛盾"),
        MissingAttestation => ("Required attestation missing", "缺少必需的证明条款"),
        ConsigneeMismatch => ("Declared consignee differs", "申报收货人不一致"),
        ContainerMismatch => ("Declared container differs", "申报集装箱号不一致"),
        SealMismatch => ("Declared seal differs", "申报封识号不一致"),
        WeightMismatch => ("Declared net weight differs", "申报净重不一致"),
        PackageMismatch => ("Declared packages differ", "申报件数不一致"),
        OriginMismatch => ("Declared origin differs", "申报原产国不一致"),
        UnlistedEstablishment => ("Establishment not registered", "企业未注册"),
        RegistrationMismatch => ("Declared establishment differs", "申报企业不一致"),
        UnknownSignatory => ("Unknown signatory", "签字官员未备案"),
        ExpiredSignatory => ("Signatory's authorisation expired", "签字官员授权已过期"),
        ForeignStamp => ("Stamp of another authority", "印章属于其他机构"),
        CopiedSignature => ("Signature copied from the specimen", "签名系复制样本"),
        QrMismatch => ("QR code disagrees with the print", "二维码与证书内容不符"),
        EditedDate => ("Date altered and retyped", "日期经涂改重打"),
        CopyMark => ("Marked as a copy", "带有“副本”标记"),
    };
    lang.pick(en, zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fault_has_distinct_names_in_both_languages() {
        let en: std::collections::BTreeSet<_> = Fault::ALL
            .iter()
            .map(|f| fault_name(Lang::En, *f))
            .collect();
        let zh: std::collections::BTreeSet<_> = Fault::ALL
            .iter()
            .map(|f| fault_name(Lang::Zh, *f))
            .collect();
        assert_eq!(en.len(), Fault::ALL.len());
        assert_eq!(zh.len(), Fault::ALL.len());
        assert_eq!(fault_name(Lang::Zh, Fault::NetOverGross), "净重大于毛重");
        assert_eq!(tr(Lang::Zh, TLabel::ShowAnswer), "查看答案");
    }
}
