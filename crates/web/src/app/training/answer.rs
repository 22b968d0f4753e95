//! The answer: the planted faults with the rules they break and each rule's
//! explanation (from `rules.json`, in the page's language), what the review
//! found, and the trainee's score.

use std::collections::BTreeSet;
use std::rc::Rc;

use review::report::Outcome;
use review::rules::RuleBook;
use synth::certificate::Fault;
use yew::prelude::*;

use super::exercise::Exercise;
use super::score::Score;
use super::texts::{fault_name, tr, TLabel};
use crate::i18n::{self, Lang};
use crate::protocol::ReviewResult;

/// Properties of [`Answer`].
#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    /// The page's language.
    pub lang: Lang,
    /// The exercise.
    pub exercise: Rc<Exercise>,
    /// The rule catalogue, for the explanations.
    pub rules: Rc<RuleBook>,
    /// The trainee's marks.
    pub marked: BTreeSet<Fault>,
    /// The review of the exercise's certificate, once done.
    pub result: Option<Rc<ReviewResult>>,
}

/// The rule ids the review reported as warn or fail.
fn flagged(result: &ReviewResult) -> BTreeSet<&str> {
    result
        .report
        .findings
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Warn | Outcome::Fail))
        .map(|f| f.rule.as_str())
        .collect()
}

/// The answer key, the review's findings and the score.
#[function_component(Answer)]
pub fn answer(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let found = props.result.as_deref().map(flagged).unwrap_or_default();
    let rule = |id: &String| {
        let entry = props.rules.rules.iter().find(|r| &r.id == id);
        let explanation = entry
            .map(|r| lang.pick(&r.explanation.en, &r.explanation.zh).to_string())
            .unwrap_or_default();
        let caught = found.contains(id.as_str());
        html! {
            <li class="rule" data-rule={id.clone()} data-caught={caught.to_string()}>
                <b>{ id.clone() }</b>
                { " " }
                <span class="caught">{ format!("({})", tr(lang, if caught {
                    TLabel::CaughtByReview } else { TLabel::MissedByReview })) }</span>
                <p class="explanation">{ explanation }</p>
            </li>
        }
    };
    let planted = |key: &synth::certificate::FaultKey| {
        let fault = key.fault.parse::<Fault>().ok();
        let marked = fault.is_some_and(|f| props.marked.contains(&f));
        let name = fault.map(|f| fault_name(lang, f)).unwrap_or(&key.fault);
        html! {
            <li class={classes!("planted", if marked { "hit" } else { "miss" })}
                data-fault={key.fault.clone()} data-marked={marked.to_string()}>
                <span class="name">{ name }</span>
                { " " }
                <span class="marked">{ format!("({})", tr(lang, if marked {
                    TLabel::Marked } else { TLabel::NotMarked })) }</span>
                <ul class="rules">{ for key.rules.iter().map(rule) }</ul>
            </li>
        }
    };
    let score = Score::of(&props.marked, &props.exercise.faults);
    let findings = props.result.as_deref().map(|r| {
        r.report
            .findings
            .iter()
            .filter(|f| matches!(f.outcome, Outcome::Warn | Outcome::Fail))
            .map(|f| {
                html! {
                    <li class={classes!("finding", crate::view_model::outcome_class(Some(f.outcome)))}
                        data-rule={f.rule.clone()}>
                        <span class="outcome">{ i18n::outcome(lang, f.outcome) }</span>
                        { " " }<b>{ f.rule.clone() }</b>{ " " }
                        <span class="message">{ lang.pick(&f.message.en, &f.message.zh).to_string() }</span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    });
    let key = &props.exercise.key;
    html! {
        <section id="training-answer" class="card">
            <div id="training-score" data-hits={score.hits.to_string()}
                data-misses={score.misses.to_string()} data-false-marks={score.false_marks.to_string()}>
                <h2>{ tr(lang, TLabel::Score) }</h2>
                <p>
                    <b class="hits">{ score.hits }</b>{ format!(" {} · ", tr(lang, TLabel::Hits)) }
                    <b class="misses">{ score.misses }</b>{ format!(" {} · ", tr(lang, TLabel::Misses)) }
                    <b class="false-marks">{ score.false_marks }</b>{ format!(" {}", tr(lang, TLabel::FalseMarks)) }
                </p>
            </div>
            <h2>{ tr(lang, TLabel::AnswerKey) }</h2>
            <p class="key-template">{ format!("{} {}", key.template, key.version) }</p>
            if key.faults.is_empty() {
                <p>{ tr(lang, TLabel::NoFaults) }</p>
            }
            <ul id="answer-faults">{ for key.faults.iter().map(planted) }</ul>
            <h2>{ tr(lang, TLabel::ReviewFound) }</h2>
            {
                match findings {
                    None => html! { <p id="review-found" class="pending">{ tr(lang, TLabel::Reviewing) }</p> },
                    Some(items) if items.is_empty() => html! {
                        <p id="review-found" class="empty">{ tr(lang, TLabel::ReviewFoundNothing) }</p>
                    },
                    Some(items) => html! { <ul id="review-found" class="findings">{ for items }</ul> },
                }
            }
        </section>
    }
}
