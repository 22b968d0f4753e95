//! English and Chinese for every label of the page.
//!
//! Findings and verdict reasons carry their own text in both languages (from
//! `rules.json`); this file holds the page's own words, the canonical field
//! names and the step names.

use review::report::{Decision, Outcome};

use crate::view_model::form::FormError;
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
    /// Camera or photo: take a picture of the certificate.
    TakePhoto,
    /// Hint: paste from the clipboard.
    PasteHint,
    /// The declaration form's heading.
    DeclarationForm,
    /// Under the form's heading.
    FormHint,
    /// Column: container number.
    ContainerNumber,
    /// Column: seal number.
    SealNumber,
    /// Adds a container row.
    AddContainer,
    /// Removes a container row.
    Remove,
    /// Clears the form and the declaration.
    ClearForm,
    /// Shown while the form has errors.
    FormInvalid,
    /// Shown when the typed declaration is used.
    FormUsed,
    /// Reviews the last certificate again.
    ReviewAgain,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Fit the page to the width.
    ZoomFit,
    /// How to move the page.
    ZoomHint,
    /// Thumbnails' label.
    Pages,
    /// Confirms a finding.
    Confirm,
    /// Overrides a finding.
    Override,
    /// Placeholder of the override reason.
    Reason,
    /// An override without a reason.
    ReasonNeeded,
    /// A confirmed finding.
    Confirmed,
    /// An overridden finding.
    Overridden,
    /// Clears a decision.
    Undo,
    /// Downloads the report and decisions.
    ExportJson,
    /// Prints the page.
    Print,
    /// Count of decisions.
    Decided,
    /// Heading of the crops panel.
    StampSignature,
    /// The stamp crop.
    StampZone,
    /// The signature crop.
    SignatureZone,
    /// The registry's specimens placeholder.
    Specimens,
    /// No template, nothing to crop.
    NoZones,
    /// Heading of the enterprise checklist.
    FixList,
    /// Empty enterprise checklist.
    NothingToFix,
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
        TakePhoto => ("Take a photo", "拍照"),
        PasteHint => (
            "or paste an image or PDF (Ctrl+V)",
            "或粘贴图片或 PDF（Ctrl+V）",
        ),
        DeclarationForm => ("Declaration", "申报数据"),
        FormHint => (
            "Type the declaration, or load a declaration file to fill the form.",
            "请填写申报数据，或载入申报文件自动填写。",
        ),
        ContainerNumber => ("Container", "集装箱号"),
        SealNumber => ("Seal", "封识号"),
        AddContainer => ("Add container", "添加集装箱"),
        Remove => ("Remove", "删除"),
        ClearForm => ("Clear", "清空"),
        FormInvalid => (
            "Correct the marked values: until then the review runs without the declaration.",
            "请更正标出的数值：更正前审核不使用申报数据。",
        ),
        FormUsed => (
            "The review compares the certificate with this declaration.",
            "审核将把证书与此申报数据比对。",
        ),
        ReviewAgain => ("Review again", "重新审核"),
        ZoomIn => ("Zoom in", "放大"),
        ZoomOut => ("Zoom out", "缩小"),
        ZoomFit => ("Fit width", "适合宽度"),
        ZoomHint => ("Wheel to zoom, drag to move.", "滚轮缩放，拖动平移。"),
        Pages => ("Pages", "页面"),
        Confirm => ("Confirm", "确认"),
        Override => ("Override", "否决"),
        Reason => ("Reason for the override", "否决理由"),
        ReasonNeeded => ("An override needs a reason.", "否决须填写理由。"),
        Confirmed => ("Confirmed", "已确认"),
        Overridden => ("Overridden", "已否决"),
        Undo => ("Undo", "撤销"),
        ExportJson => ("Export JSON", "导出 JSON"),
        Print => ("Print", "打印"),
        Decided => ("Decisions taken", "已作决定"),
        StampSignature => ("Stamp and signature", "印章与签名"),
        StampZone => ("Stamp zone", "印章区域"),
        SignatureZone => ("Signature zone", "签名区域"),
        Specimens => (
            "Registry specimens: shown here in the next release.",
            "登记样本：将在下一版本中显示于此。",
        ),
        NoZones => (
            "No template identified: no zones to crop.",
            "未识别模板：无可截取区域。",
        ),
        FixList => ("Fix before declaring", "申报前需更正"),
        NothingToFix => (
            "Nothing to fix: no rule failed or warned.",
            "无需更正：没有规则失败或警告。",
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
        "seal" => ("Seal", "封识号"),
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

/// A form error in `lang`, naming the value typed.
pub fn form_error(lang: Lang, e: &FormError) -> String {
    match (lang, e) {
        (Lang::En, e) => {
            let mut s = e.to_string();
            if let Some(first) = s.get(..1) {
                s = first.to_uppercase() + &s[1..];
            }
            format!("{s}.")
        }
        (Lang::Zh, FormError::Country(v)) => format!("国家“{v}”不是两位字母的 ISO 代码（如 AU）。"),
        (Lang::Zh, FormError::HsCode(v)) => format!("HS编码“{v}”须为 6 至 10 位数字。"),
        (Lang::Zh, FormError::Packages(v)) => format!("“{v}”不是有效的件数（正整数）。"),
        (Lang::Zh, FormError::Weight(v)) => format!("“{v}”不是以千克计的重量。"),
        (Lang::Zh, FormError::TooHeavy(kg)) => format!("{kg} 千克超过 1 000 000 千克。"),
        (Lang::Zh, FormError::GrossUnderNet { net, gross }) => {
            format!("毛重 {gross} 千克小于净重 {net} 千克。")
        }
        (Lang::Zh, FormError::Date(v)) => format!("“{v}”不是 YYYY-MM-DD 格式的日期。"),
        (Lang::Zh, FormError::Container(v)) => {
            format!("集装箱号“{v}”须为 4 个字母加 7 位数字（ISO 6346）。")
        }
        (Lang::Zh, FormError::SealWithoutContainer(v)) => format!("封识号“{v}”缺少集装箱号。"),
    }
}

/// "n of m" decisions taken.
pub fn decided(lang: Lang, n: usize, m: usize) -> String {
    match lang {
        Lang::En => format!("{}: {n} of {m}", text(lang, Label::Decided)),
        Lang::Zh => format!("{}：{n} / {m}", text(lang, Label::Decided)),
    }
}

/// The zoom level as a percentage label.
pub fn zoom(percent: u32) -> String {
    format!("{percent} %")
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

    #[test]
    fn form_errors_name_the_value_in_both_languages() {
        let e = FormError::Country("Australia".into());
        assert_eq!(
            form_error(Lang::En, &e),
            "Country \"Australia\" is not a two-letter ISO code such as AU."
        );
        assert_eq!(
            form_error(Lang::Zh, &e),
            "国家“Australia”不是两位字母的 ISO 代码（如 AU）。"
        );
        assert_eq!(decided(Lang::En, 1, 3), "Decisions taken: 1 of 3");
    }
}
