//! The findings, fail and warn first; a click highlights the evidence. In
//! officer mode each finding carries confirm / override controls.

use std::rc::Rc;

use review::report::Outcome;
use yew::prelude::*;

use super::decision_controls::DecisionControls;
use crate::i18n::{self, text, Label, Lang};
use crate::protocol::ReviewResult;
use crate::view_model::decisions::{Decisions, OfficerDecision};
use crate::view_model::{findings_by_severity, outcome_class};

/// Properties of [`Findings`].
#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    /// The page's language.
    pub lang: Lang,
    /// The review result.
    pub result: Rc<ReviewResult>,
    /// The selected finding.
    pub selected: Option<usize>,
    /// Selects a finding (or none, clicking the selected one again).
    pub on_select: Callback<Option<usize>>,
    /// The officer's decisions, or `None` for no decision controls.
    pub decisions: Option<Decisions>,
    /// Takes (or takes back) a decision on a rule's finding.
    pub on_decide: Callback<(String, Option<OfficerDecision>)>,
}

/// The list of findings: warn and fail always shown, the rest folded.
#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let report = &props.result.report;
    let item = |i: usize| {
        let f = &report.findings[i];
        let selected = props.selected == Some(i);
        let on_select = props.on_select.clone();
        let onclick = move |_| on_select.emit((!selected).then_some(i));
        let class = classes!(
            "finding",
            outcome_class(Some(f.outcome)),
            selected.then_some("selected")
        );
        let controls = props.decisions.as_ref().map(|d| {
            html! {
                <DecisionControls {lang} rule={f.rule.clone()}
                    decision={d.get(&f.rule).cloned()} on_decide={props.on_decide.clone()} />
            }
        });
        html! {
            <li class={class} onclick={onclick} data-rule={f.rule.clone()}
                id={format!("finding-{}", f.rule)}>
                <span class="outcome">{ i18n::outcome(lang, f.outcome) }</span>
                <b>{ f.rule.clone() }</b>
                if matches!(f.outcome, Outcome::Warn | Outcome::Fail) {
                    <span class="class">{ format!("({})", i18n::class(lang, f.class)) }</span>
                }
                <span class="message">{ lang.pick(&f.message.en, &f.message.zh).to_string() }</span>
                { for controls }
            </li>
        }
    };
    let order = findings_by_severity(report);
    let (serious, rest): (Vec<usize>, Vec<usize>) = order
        .into_iter()
        .partition(|&i| matches!(report.findings[i].outcome, Outcome::Warn | Outcome::Fail));
    html! {
        <section id="findings" class="card">
            <h2>{ text(lang, Label::Findings) }</h2>
            <p class="hint">{ text(lang, Label::ClickForEvidence) }</p>
            <ul class="findings">{ for serious.into_iter().map(item) }</ul>
            <details>
                <summary>{ format!("{} ({})", text(lang, Label::ShowAll), rest.len()) }</summary>
                <ul class="findings">{ for rest.into_iter().map(item) }</ul>
            </details>
        </section>
    }
}
