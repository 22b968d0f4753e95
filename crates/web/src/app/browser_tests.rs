//! Component tests in a real browser (wasm-bindgen-test, headless
//! Chromium): the verdict banner and the findings list are mounted into the
//! document, their DOM is read back in both languages, and a click on a
//! finding reaches the page's callback. Run by `scripts/wasm-test.sh`.

use std::cell::RefCell;
use std::rc::Rc;

use review::report::{Decision, Evidence, Finding, Outcome, Reason, Report, Verdict};
use review::rules::{FindingClass, Message};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::findings::{Findings, FindingsProps};
use super::verdict::{VerdictBanner, VerdictProps};
use crate::i18n::Lang;
use crate::protocol::ReviewResult;

/// A finding of `rule` with `outcome` and its message in both languages.
fn finding(rule: &str, outcome: Outcome, en: &str, zh: &str) -> Finding {
    Finding {
        rule: rule.into(),
        outcome,
        class: FindingClass::Invalid,
        message: Message {
            en: en.into(),
            zh: zh.into(),
        },
        compared: Vec::new(),
        evidence: vec![Evidence {
            page: 1,
            quad: [[10.0, 10.0], [90.0, 10.0], [90.0, 30.0], [10.0, 30.0]],
        }],
    }
}

/// A held certificate: M4 passes, F1 warns, M5 fails (catalogue order).
fn held() -> Rc<ReviewResult> {
    let m5 = finding(
        "M5",
        Outcome::Fail,
        "Gross weight 25100 kg differs from the declared 24000 kg",
        "毛重 25100 千克与申报的 24000 千克不符",
    );
    let reason = Reason {
        rule: m5.rule.clone(),
        class: m5.class,
        message: m5.message.clone(),
    };
    Rc::new(ReviewResult {
        report: Report {
            template: None,
            candidates: Vec::new(),
            pages: 1,
            fields: Vec::new(),
            findings: vec![
                finding("M4", Outcome::Pass, "Net weight agrees", "净重一致"),
                finding(
                    "F1",
                    Outcome::Warn,
                    "A field is hard to read",
                    "字段难以辨认",
                ),
                m5,
            ],
            verdict: Verdict {
                decision: Decision::Hold,
                reasons: vec![reason],
            },
            timings: Vec::new(),
            rules_version: "test".into(),
        },
        template: None,
        worker_ms: 1234.0,
        wasm_memory_bytes: 0.0,
    })
}

/// A fresh element in the document's body to mount a component into.
fn root() -> Element {
    let document = document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

/// The test page's document.
fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Lets Yew's scheduler render (one turn of the event loop).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback(&resolve)
            .expect("a timeout");
    });
    JsFuture::from(promise).await.expect("the timeout fires");
}

/// The text of the first element under `root` matching `selector`.
fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn verdict_banner_shows_the_decision_reasons_and_timing_in_both_languages() {
    for (lang, decision, reason) in [
        (Lang::En, "Hold", "Gross weight 25100 kg differs"),
        (Lang::Zh, "扣留", "毛重 25100 千克与申报"),
    ] {
        let root = root();
        let props = VerdictProps {
            lang,
            result: held(),
            verdict_ms: Some(2345.4),
        };
        let app = yew::Renderer::<VerdictBanner>::with_root_and_props(root.clone(), props).render();
        settle().await;

        let banner = root.query_selector("#verdict").unwrap().expect("#verdict");
        assert_eq!(
            banner.get_attribute("data-decision").as_deref(),
            Some("hold")
        );
        assert_eq!(banner.class_name(), "verdict hold");
        assert_eq!(text_of(&root, "#verdict-decision"), decision);
        let reasons = text_of(&root, "ul.reasons");
        assert!(reasons.starts_with("M5"), "{reasons}");
        assert!(reasons.contains(reason), "{reasons}");
        let timing = root
            .query_selector("#verdict-ms")
            .unwrap()
            .expect("#verdict-ms");
        assert_eq!(timing.get_attribute("data-ms").as_deref(), Some("2345"));
        assert!(timing.text_content().unwrap_or_default().ends_with("2.3 s"));

        app.destroy();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn findings_list_fail_then_warn_and_a_click_selects_the_finding() {
    let root = root();
    let selected: Rc<RefCell<Vec<Option<usize>>>> = Rc::default();
    let record = selected.clone();
    let props = FindingsProps {
        lang: Lang::Zh,
        result: held(),
        selected: None,
        on_select: Callback::from(move |s| record.borrow_mut().push(s)),
        decisions: None,
        on_decide: Callback::noop(),
    };
    let app = yew::Renderer::<Findings>::with_root_and_props(root.clone(), props).render();
    settle().await;

    // Fail and warn in the open list, most severe first; pass folded away.
    let open = root
        .query_selector_all("#findings > ul.findings > li")
        .unwrap();
    let rules: Vec<String> = (0..open.length())
        .filter_map(|i| open.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-rule"))
        .collect();
    assert_eq!(rules, ["M5", "F1"]);
    assert_eq!(text_of(&root, "#finding-M5 .outcome"), "不通过");
    assert_eq!(
        text_of(&root, "#finding-M5 .message"),
        "毛重 25100 千克与申报的 24000 千克不符"
    );
    assert_eq!(text_of(&root, "#findings h2"), "审核发现");
    assert!(root
        .query_selector("details #finding-M4")
        .unwrap()
        .is_some());

    // A click on M5 (index 2 in the report) selects it.
    root.query_selector("#finding-M5")
        .unwrap()
        .expect("#finding-M5")
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
    settle().await;
    assert_eq!(*selected.borrow(), [Some(2)]);

    app.destroy();
    root.remove();
}
