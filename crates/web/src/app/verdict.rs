//! The verdict banner: release, manual check or hold, with the reasons.

use std::rc::Rc;

use review::report::Decision;
use yew::prelude::*;

use crate::i18n::{self, text, Label, Lang};
use crate::protocol::ReviewResult;

/// Properties of [`VerdictBanner`].
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    /// The page's language.
    pub lang: Lang,
    /// The review result.
    pub result: Rc<ReviewResult>,
    /// Milliseconds from drop to verdict, as the page measured.
    pub verdict_ms: Option<f64>,
}

/// The banner.
#[function_component(VerdictBanner)]
pub fn verdict_banner(props: &VerdictProps) -> Html {
    let lang = props.lang;
    let verdict = &props.result.report.verdict;
    let class = match verdict.decision {
        Decision::Release => "release",
        Decision::ManualCheck => "manual-check",
        Decision::Hold => "hold",
    };
    let timing = props.verdict_ms.map(|ms| {
        html! {
            <span id="verdict-ms" class="timing" data-ms={format!("{ms:.0}")}>
                { format!("{}: {:.1} s", text(lang, Label::DropToVerdict), ms / 1000.0) }
            </span>
        }
    });
    html! {
        <section id="verdict" class={classes!("verdict", class)} data-decision={class}
            data-wasm-bytes={format!("{:.0}", props.result.wasm_memory_bytes)}>
            <h2>
                { text(lang, Label::Verdict) }{ ": " }
                <span id="verdict-decision">{ i18n::decision(lang, verdict.decision) }</span>
            </h2>
            if verdict.reasons.is_empty() {
                <p>{ text(lang, Label::NoReasons) }</p>
            } else {
                <ul class="reasons">
                    { for verdict.reasons.iter().map(|r| html! {
                        <li>
                            <b>{ r.rule.clone() }</b>{ " " }
                            <span class="class">{ format!("({})", i18n::class(lang, r.class)) }</span>
                            { " " }{ lang.pick(&r.message.en, &r.message.zh).to_string() }
                        </li>
                    }) }
                </ul>
            }
            { for timing }
        </section>
    }
}
