//! Progress: model download, then the steps of the current review.

use yew::prelude::*;

use super::state::{EngineState, Job};
use crate::i18n::{self, text, Label, Lang};
use crate::protocol::STEPS;

/// Properties of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// The page's language.
    pub lang: Lang,
    /// The worker's loading state.
    pub engine: EngineState,
    /// The current review.
    pub job: Option<Job>,
}

/// Download bars while loading; the step list while reviewing.
#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let lang = props.lang;
    let engine = match &props.engine {
        EngineState::Loading(items) => html! {
            <div id="engine-status" class="status loading">
                <span>{ text(lang, Label::LoadingModels) }</span>
                { for items.iter().map(|(item, (loaded, total))| html! {
                    <span class="item">
                        { item.clone() }
                        <progress value={loaded.to_string()}
                            max={total.unwrap_or(0).max(*loaded).to_string()} />
                    </span>
                }) }
            </div>
        },
        EngineState::Ready { init_ms } => html! {
            <div id="engine-status" class="status ready" data-init-ms={format!("{init_ms:.0}")}>
                { text(lang, Label::Ready) }
            </div>
        },
        EngineState::Failed(error) => html! {
            <div id="engine-status" class="status error" title={error.detail.clone()}>
                { format!("{}: {}", text(lang, Label::Error), lang.pick(&error.en, &error.zh)) }
            </div>
        },
    };
    let steps = props.job.as_ref().map(|job| {
        let done = job.steps.len();
        let error = job.error.as_ref().map(|e| {
            html! {
                <p id="review-error" class="error" title={e.detail.clone()}>
                    { format!("{}: {}", text(lang, Label::Error), lang.pick(&e.en, &e.zh)) }
                </p>
            }
        });
        html! {
            <div class="steps">
                <span class="file">{ job.file_name.clone() }</span>
                <ol>
                    { for STEPS.iter().enumerate().map(|(i, name)| {
                        let (class, ms) = match job.steps.iter().find(|(k, _)| *k == i) {
                            Some((_, ms)) => ("done", format!(" {ms:.0} ms")),
                            None if i == done && job.error.is_none() => ("running", String::new()),
                            None => ("waiting", String::new()),
                        };
                        html! { <li class={class}>{ i18n::step(lang, name) }{ ms }</li> }
                    }) }
                </ol>
                { for error }
            </div>
        }
    });
    html! {
        <section class="progress">
            { engine }
            { for steps }
        </section>
    }
}
