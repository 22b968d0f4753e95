//! English and Chinese for every label of the page.
//!
//! Findings and verdict reasons carry their own text in both languages (from
//! `rules.json`); this file holds the page's own words, the canonical field
//! names and the step names.

use review::report::{Decision, Outcome};
use review::rules::FindingClass;

/// The page's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The other language (what the switch button selects).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// Picks the text of this language from a pair.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// A label of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// The page title.
    Title,
    /// The language switch (names the other language).
    Switch,
    /// The drop zone's invitation.
    DropHere,
    /// The certificate file picker.
    ChooseCertificate,
    /// The declaration file picker.
    ChooseDeclaration,
    /// Shown when no declaration is given.
    NoDeclaration,
    /// Models and data are downloading.
    LoadingModels,
    /// Ready for a file.
    Ready,
    /// A review is running.
    Reviewing,
    /// The template card's heading.
    Template,
    /// Template id.
    Id,
    /// Template version.
    Version,
    /// Validity window.
    Validity,
    /// Still valid (no end date).
    Current,
    /// Country.
    Country,
    /// Product.
    Product,
    /// Identification confidence.
    Confidence,
    /// No template identified.
    UnknownTemplate,
    /// The fields table's heading.
    Fields,
    /// Column: field name.
    Field,
    /// Column: value on the certificate.
    CertificateValue,
    /// Column: value in the declaration.
    DeclarationValue,
    /// Column: value in a register.
    RegisterValue,
    /// Column: outcome.
    Outcome,
    /// The findings' heading.
    Findings,
    /// The verdict's heading.
    Verdict,
    /// Reasons of the verdict.
    Reasons,
    /// No reasons (release).
    NoReasons,
    /// Time from drop to verdict.
    DropToVerdict,
    /// Time per step.
    Timings,
    /// An error happened.
    Error,
    /// Shown instead of a value that was not read.
    NotRead,
    /// Hint under the findings: click to see the evidence.
    ClickForEvidence,
    /// Show the findings that passed or do not apply.
    ShowAll,
    /// The mode switch's label.
    ModeLabel,
    /// Officer mode.
    ModeOfficer,
    /// Enterprise pre-check mode.
    ModeEnterprise,
    /// Training kiosk mode.
    ModeTraining,
    /// The training placeholder, until the kiosk is built.
    TrainingComing,
}

/// The text of `label` in `lang`.
pub fn text(lang: Lang, label: Label) -> &'static str {
    use Label::*;
    let (en, zh) = match label {
        Title => ("Certificate review", "证书审核"),
        Switch => ("中文", "English"),
        DropHere => (
            "Drop a certificate here (PDF, PNG, JPEG, TIFF)",
            "将证书拖放到此处（PDF、PNG、JPEG、TIFF）",
        ),
        ChooseCertificate => ("Choose a certificate", "选择证书"),
        ChooseDeclaration => ("Declaration (JSON, optional)", "申报数据（JSON，可选）"),
        NoDeclaration => ("no declaration", "无申报数据"),
        LoadingModels => ("Loading the recognition models", "正在加载识别模型"),
        Ready => (
            "Ready: the file stays on this computer",
            "就绪：文件不会离开本机",
        ),
        Reviewing => ("Reviewing", "正在审核"),
        Template => ("Template", "模板"),
        Id => ("Id", "编号"),
        Version => ("Version", "版本"),
        Validity => ("Valid", "有效期"),
        Current => ("current", "现行"),
        Country => ("Country", "国家"),
        Product => ("Product", "产品"),
        Confidence => ("Confidence", "置信度"),
        UnknownTemplate => ("Unknown template", "未知模板"),
        Fields => ("Fields", "字段"),
        Field => ("Field", "字段"),
        CertificateValue => ("Certificate", "证书值"),
        DeclarationValue => ("Declaration", "申报值"),
        RegisterValue => ("Register", "登记值"),
        Outcome => ("Outcome", "结果"),
        Findings => ("Findings", "审核发现"),
        Verdict => ("Verdict", "结论"),
        Reasons => ("Reasons", "原因"),
        NoReasons => ("No rule failed or warned.", "没有规则失败或警告。"),
        DropToVerdict => ("Drop to verdict", "从提交到结论"),
        Timings => ("Time per step", "各步骤用时"),
        Error => ("Error", "错误"),
        NotRead => ("not read", "未读取"),
        ClickForEvidence => (
            "Click a finding to see its evidence on the page.",
            "点击审核发现可在页面上查看证据。",
        ),
        ShowAll => ("Show passed and not applicable", "显示通过和不适用的规则"),
        ModeLabel => ("Mode", "模式"),
        ModeOfficer => ("Officer", "海关审核"),
        ModeEnterprise => ("Enterprise pre-check", "企业预审"),
        ModeTraining => ("Training", "培训"),
        TrainingComing => (
            "The training kiosk is being prepared.",
            "培训模式正在准备中。",
        ),
    };
    lang.pick(en, zh)
}

/// "Page n" (1-based).
pub fn page(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!("Page {n}"),
        Lang::Zh => format!("第 {n} 页"),
    }
}

/// The name of a verdict decision.
pub fn decision(lang: Lang, d: Decision) -> &'static str {
    match d {
        Decision::Release => lang.pick("Release", "放行"),
        Decision::ManualCheck => lang.pick("Manual check", "人工核查"),
        Decision::Hold => lang.pick("Hold", "扣留"),
    }
}

/// The name of a rule outcome.
pub fn outcome(lang: Lang, o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => lang.pick("pass", "通过"),
        Outcome::Warn => lang.pick("warn", "警告"),
        Outcome::Fail => lang.pick("fail", "不通过"),
        Outcome::NotApplicable => lang.pick("n/a", "不适用"),
    }
}

/// The name of a finding class.
pub fn class(lang: Lang, c: FindingClass) -> &'static str {
    match c {
        FindingClass::Invalid => lang.pick("invalid", "无效"),
        FindingClass::SuspectedFraud => lang.pick("suspected fraud", "涉嫌欺诈"),
    }
}

/// The name of a review step (see [`crate::protocol::STEPS`]).
pub fn step(lang: Lang, name: &str) -> String {
    let (en, zh) = match name {
        "decode" => ("decoding", "解码"),
        "ocr" => ("reading the text", "文字识别"),
        "identify" => ("identifying the template", "识别模板"),
        "extract" => ("extracting the fields", "提取字段"),
        "inspect" => ("inspecting QR codes and alterations", "检查二维码与涂改"),
        "check" => ("applying the rules", "执行规则"),
        "decide" => ("deciding", "作出结论"),
        other => return other.to_string(),
    };
    lang.pick(en, zh).to_string()
}

/// The label of a field name: a canonical name, or `items[i].column` for a
/// goods-table cell; unknown names are shown as they are.
pub fn field(lang: Lang, name: &str) -> String {
    // A goods-table cell: "row i+1: column".
    if let Some(rest) = name.strip_prefix("items[") {
        if let Some((row, column)) = rest.split_once("].") {
            if let Ok(i) = row.parse::<u32>() {
                let column = field(lang, column);
                return match lang {
                    Lang::En => format!("row {}: {column}", i + 1),
                    Lang::Zh => format!("第{}行：{column}", i + 1),
                };
            }
        }
    }
    let (en, zh) = match name {
        "certificate_number" => ("Certificate number", "证书编号"),
        "consignor" => ("Consignor", "发货人"),
        "consignee" => ("Consignee", "收货人"),
        "origin_country" => ("Country of origin", "原产国"),
        "origin_region" => ("Region of origin", "原产地区"),
        "destination" => ("Destination", "目的地"),
        "port_of_loading" => ("Port of loading", "装运港"),
        "port_of_entry" => ("Port of entry", "入境口岸"),
        "transport_mode" => ("Means of transport", "运输方式"),
        "transport_id" => ("Vessel / flight", "船名航次/航班"),
        "containers" => ("Containers", "集装箱号"),
        "seals" => ("Seals", "封识号"),
        "description" => ("Description of goods", "货物描述"),
        "species" => ("Species", "物种"),
        "hs_code" => ("HS code", "HS编码"),
        "packages" => ("Packages", "件数"),
        "net_weight" => ("Net weight (kg)", "净重（千克）"),
        "gross_weight" => ("Gross weight (kg)", "毛重（千克）"),
        "production_date" => ("Production date", "生产日期"),
        "departure_date" => ("Departure date", "启运日期"),
        "issue_date" => ("Date of issue", "签发日期"),
        "issue_place" => ("Place of issue", "签发地点"),
        "establishments" => ("Establishments", "企业注册号"),
        "signatory" => ("Signatory", "签字官员"),
        "verification_number" => ("Verification number", "验证号"),
        other => return other.to_string(),
    };
    lang.pick(en, zh).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_differ_between_languages() {
        assert_eq!(text(Lang::En, Label::Verdict), "Verdict");
        assert_eq!(text(Lang::Zh, Label::Verdict), "结论");
        assert_eq!(decision(Lang::Zh, Decision::Hold), "扣留");
        assert_eq!(Lang::En.other(), Lang::Zh);
    }

    #[test]
    fn field_names_and_table_cells_are_translated() {
        assert_eq!(field(Lang::En, "net_weight"), "Net weight (kg)");
        assert_eq!(
            field(Lang::Zh, "items[1].net_weight"),
            "第2行：净重（千克）"
        );
        assert_eq!(field(Lang::En, "items[0].hs_code"), "row 1: HS code");
        assert_eq!(field(Lang::Zh, "lot_code"), "lot_code");
    }
}
