//! The training kiosk: "New exercise" generates a certificate with one to
//! three planted faults in the page's wasm (`synth`, seeded from the clock)
//! and sends it, with its declaration, for review; the trainee ticks the
//! fault kinds they suspect; "Show answer" shows the planted faults with the
//! rules they break and each rule's explanation, what the review found and a
//! score; "Reset" starts over.
//!
//! Stable ids for the browser tests: `#training` (with `data-stage`:
//! `idle`, `loading`, `generating`, `reviewing`, `marking`, `revealed`,
//! `failed`), `#training-new`, `#training-show`, `#training-reset`,
//! `#training-status`, `#mark-<fault-name>`, `#training-answer`,
//! `#answer-faults`, `#review-found`, `#training-score`.

mod answer;
mod exercise;
mod kit;
mod marks;
mod score;
mod texts;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use review::rules::RuleBook;
use synth::certificate::Fault;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use super::bridge::page_now_ms;
use super::page_view::PageView;
use super::state::Job;
use crate::i18n::Lang;
use answer::Answer;
use exercise::Exercise;
use kit::Kit;
use marks::Marks;
use texts::{tr, TLabel};

/// Properties of [`Training`].
#[derive(Properties, PartialEq)]
pub struct TrainingProps {
    /// The page's language.
    pub lang: Lang,
    /// Sends a generated certificate for review: (file name, bytes,
    /// declaration JSON text).
    pub on_review: Callback<(String, Vec<u8>, Option<String>)>,
    /// The current (or last) review, to read its result.
    pub job: Option<Job>,
}

/// Where the kiosk is.
#[derive(Clone, PartialEq)]
enum Stage {
    /// No exercise yet (or after a reset).
    Idle,
    /// Fetching the generator's fonts and data.
    Loading,
    /// Generating the certificate.
    Generating,
    /// An exercise is out.
    Ready {
        /// The exercise.
        exercise: Rc<Exercise>,
        /// The rule catalogue, for the explanations.
        rules: Rc<RuleBook>,
        /// Milliseconds the generation took.
        generate_ms: f64,
    },
    /// Loading or generating failed.
    Failed(String),
}

/// Lets the page paint before a long synchronous step.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .ok()
        });
        if scheduled.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Loads the kit once, then generates an exercise and hands it for review.
async fn new_exercise(
    kit: Rc<RefCell<Option<Rc<Kit>>>>,
    stage: UseStateHandle<Stage>,
    on_review: Callback<(String, Vec<u8>, Option<String>)>,
) {
    let loaded = kit.borrow().clone();
    let kit = match loaded {
        Some(k) => k,
        None => {
            stage.set(Stage::Loading);
            pause(0).await;
            match kit::load().await {
                Ok(k) => {
                    let k = Rc::new(k);
                    *kit.borrow_mut() = Some(k.clone());
                    k
                }
                Err(e) => {
                    log::error!("training: {e}");
                    stage.set(Stage::Failed(e.to_string()));
                    return;
                }
            }
        }
    };
    stage.set(Stage::Generating);
    pause(30).await;
    let seed = js_sys::Date::now() as u64;
    let started = page_now_ms();
    match exercise::make(&kit.fonts, &kit.data, seed) {
        Ok(ex) => {
            let generate_ms = page_now_ms() - started;
            log::info!(
                "training: {} with {:?} in {generate_ms:.0} ms",
                ex.file_name,
                ex.key.faults
            );
            on_review.emit((
                ex.file_name.clone(),
                ex.bytes.clone(),
                Some(ex.declaration.clone()),
            ));
            stage.set(Stage::Ready {
                exercise: Rc::new(ex),
                rules: Rc::new(kit.data.rules.clone()),
                generate_ms,
            });
        }
        Err(e) => {
            log::error!("training: {e}");
            stage.set(Stage::Failed(e.to_string()));
        }
    }
}

/// The training kiosk.
#[function_component(Training)]
pub fn training(props: &TrainingProps) -> Html {
    let lang = props.lang;
    let stage = use_state(|| Stage::Idle);
    let marked = use_state(BTreeSet::<Fault>::new);
    let revealed = use_state(|| false);
    let kit = use_mut_ref(|| None::<Rc<Kit>>);

    let busy = matches!(*stage, Stage::Loading | Stage::Generating);
    let on_new = {
        let (stage, marked, revealed) = (stage.clone(), marked.clone(), revealed.clone());
        let on_review = props.on_review.clone();
        Callback::from(move |_: MouseEvent| {
            marked.set(BTreeSet::new());
            revealed.set(false);
            spawn_local(new_exercise(kit.clone(), stage.clone(), on_review.clone()));
        })
    };
    let on_show = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
    };
    let on_reset = {
        let (stage, marked, revealed) = (stage.clone(), marked.clone(), revealed.clone());
        Callback::from(move |_: MouseEvent| {
            stage.set(Stage::Idle);
            marked.set(BTreeSet::new());
            revealed.set(false);
        })
    };
    let on_toggle = {
        let marked = marked.clone();
        Callback::from(move |fault: Fault| {
            let mut next = (*marked).clone();
            if !next.remove(&fault) {
                next.insert(fault);
            }
            marked.set(next);
        })
    };

    // The review of this exercise's certificate, if the current job is it.
    let exercise = match &*stage {
        Stage::Ready {
            exercise,
            rules,
            generate_ms,
        } => Some((exercise.clone(), rules.clone(), *generate_ms)),
        _ => None,
    };
    let job = exercise
        .as_ref()
        .and_then(|(ex, _, _)| props.job.as_ref().filter(|j| j.file_name == ex.file_name));
    let result = job.and_then(|j| j.result.clone());
    let (stage_id, status) = match (&*stage, job) {
        (Stage::Idle, _) => ("idle", tr(lang, TLabel::Intro).to_string()),
        (Stage::Loading, _) => ("loading", tr(lang, TLabel::LoadingKit).to_string()),
        (Stage::Generating, _) => ("generating", tr(lang, TLabel::Generating).to_string()),
        (Stage::Failed(e), _) => ("failed", format!("{}: {e}", tr(lang, TLabel::Failed))),
        (Stage::Ready { .. }, _) if *revealed => ("revealed", String::new()),
        (Stage::Ready { .. }, Some(j)) if j.result.is_some() => {
            ("marking", tr(lang, TLabel::MarkNow).to_string())
        }
        (Stage::Ready { .. }, Some(j)) if j.error.is_some() => (
            "marking",
            j.error
                .as_ref()
                .map(|e| lang.pick(&e.en, &e.zh).to_string())
                .unwrap_or_default(),
        ),
        (Stage::Ready { .. }, _) => ("reviewing", tr(lang, TLabel::Reviewing).to_string()),
    };
    let generate_ms = exercise.as_ref().map(|(_, _, ms)| ms.round().to_string());

    html! {
        <section id="training" class="training" data-stage={stage_id}>
            <div class="card training-bar">
                <h2>{ tr(lang, TLabel::Heading) }</h2>
                <button id="training-new" type="button" disabled={busy} onclick={on_new}>
                    { tr(lang, TLabel::NewExercise) }
                </button>
                <button id="training-show" type="button" disabled={exercise.is_none() || *revealed}
                    onclick={on_show}>
                    { tr(lang, TLabel::ShowAnswer) }
                </button>
                <button id="training-reset" type="button" disabled={busy} onclick={on_reset}>
                    { tr(lang, TLabel::Reset) }
                </button>
                <p id="training-status" data-generate-ms={generate_ms}>{ status }</p>
            </div>
            if let Some((ex, rules, _)) = exercise {
                <main class="review">
                    <section class="left">
                        <PageView {lang} pages={job.map(|j| j.pages.clone()).unwrap_or_default()}
                            result={if *revealed { result.clone() } else { None }} selected={None::<usize>} />
                    </section>
                    <section class="right">
                        if *revealed {
                            <Answer {lang} exercise={ex} {rules} marked={(*marked).clone()}
                                result={result.clone()} />
                        }
                        <Marks {lang} marked={(*marked).clone()} locked={*revealed} {on_toggle} />
                    </section>
                </main>
            }
        </section>
    }
}
