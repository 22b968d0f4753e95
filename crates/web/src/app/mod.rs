//! The page: a drop zone, then one screen with the page image on the left
//! and the template card, fields, findings and verdict on the right.

mod bridge;
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;
mod decision_controls;
mod declaration_form;
mod export;
mod fields_table;
mod findings;
mod fix_list;
mod header;
mod input;
mod page_view;
mod paste;
mod progress;
mod specimens;
mod state;
mod template_card;
mod training;
mod verdict;
mod zoom;

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{text, Label};
use bridge::{page_now_ms, Bridge};
use declaration_form::DeclarationFormView;
use export::ExportBar;
use fields_table::FieldsTable;
use findings::Findings;
use fix_list::FixList;
use header::Header;
use input::Input;
use page_view::PageView;
use progress::Progress;
use specimens::Specimens;
use state::{Action, EngineState, Mode, State};
use template_card::TemplateCard;
use verdict::VerdictBanner;

/// Mounts the app on the page's body.
pub fn start() {
    crate::console_log::init(&bridge::page_query());
    yew::Renderer::<App>::new().render();
}

/// A file waiting for the worker: (name, bytes, declaration JSON text).
type Pending = Option<(String, Vec<u8>, Option<String>)>;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let pending = use_mut_ref(|| Pending::None);

    // The worker lives as long as the page.
    let bridge: Rc<Option<Bridge>> = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            match Bridge::start(move |a| dispatcher.dispatch(a)) {
                Ok(b) => Some(b),
                Err(e) => {
                    log::error!("{e}");
                    None
                }
            }
        })
    };

    // Hand the worker a file: now if it is ready, else once it is.
    let ready = matches!(state.engine, EngineState::Ready { .. });
    let send = {
        let state = state.clone();
        let bridge = bridge.clone();
        move |name: String, bytes: Vec<u8>, declaration: Option<String>| {
            state.dispatch(Action::Started {
                file_name: name.clone(),
                at_ms: page_now_ms(),
            });
            if let Some(b) = bridge.as_ref() {
                if let Err(e) = b.review(&name, &bytes, declaration) {
                    log::error!("{e}");
                }
            }
        }
    };
    {
        let pending = pending.clone();
        let send = send.clone();
        use_effect_with(ready, move |ready| {
            if *ready {
                if let Some((name, bytes, declaration)) = pending.borrow_mut().take() {
                    send(name, bytes, declaration);
                }
            }
        });
    }
    // A file with its declaration, from the officer's input or the kiosk.
    let on_review = {
        let pending = pending.clone();
        Callback::from(
            move |(name, bytes, declaration): (String, Vec<u8>, Option<String>)| {
                if ready {
                    send(name, bytes, declaration);
                } else {
                    *pending.borrow_mut() = Some((name, bytes, declaration));
                }
            },
        )
    };
    // The last certificate, to review it again after the form changes.
    let last = use_mut_ref(|| None::<(String, Vec<u8>)>);
    let declaration = state.declaration_json();
    let on_file = {
        let on_review = on_review.clone();
        let last = last.clone();
        let declaration = declaration.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            *last.borrow_mut() = Some((name.clone(), bytes.clone()));
            on_review.emit((name, bytes, declaration.clone()))
        })
    };
    let on_again = {
        let on_review = on_review.clone();
        let last = last.clone();
        Callback::from(move |_: MouseEvent| {
            let again = last.borrow().clone();
            if let Some((name, bytes)) = again {
                on_review.emit((name, bytes, declaration.clone()));
            }
        })
    };
    // Paste listens on the document once; it calls the newest `on_file`.
    let latest = use_mut_ref(Callback::noop);
    *latest.borrow_mut() = on_file.clone();
    let on_paste = use_memo((), move |_| {
        Callback::from(move |file: (String, Vec<u8>)| {
            let current = latest.borrow().clone();
            current.emit(file)
        })
    });
    paste::use_paste((*on_paste).clone());
    let on_form = {
        let state = state.clone();
        Callback::from(move |f| state.dispatch(Action::Form(Box::new(f))))
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Declaration(None)))
    };
    let on_decide = {
        let state = state.clone();
        Callback::from(move |(rule, d)| state.dispatch(Action::Decide(rule, d)))
    };
    let on_declaration = {
        let state = state.clone();
        Callback::from(move |d| state.dispatch(Action::Declaration(d)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(Action::Select(i)))
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ToggleLang))
    };
    let on_mode = {
        let state = state.clone();
        Callback::from(move |m| state.dispatch(Action::SetMode(m)))
    };

    // Keep the document's language in step with the switch.
    use_effect_with(state.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });

    let lang = state.lang;
    let job = state.job.clone();
    let header = html! { <Header {lang} mode={state.mode} on_toggle={on_lang} {on_mode} /> };
    if state.mode == Mode::Training {
        return html! {
            <div class="app mode-training">
                { header }
                <Progress {lang} engine={state.engine.clone()} job={job.clone()} />
                <training::Training {lang} {on_review} {job} />
            </div>
        };
    }
    let result = job.as_ref().and_then(|j| j.result.clone());
    let enterprise = state.mode == Mode::Enterprise;
    let form = html! {
        <DeclarationFormView {lang} form={state.form.clone()} open={enterprise}
            on_change={on_form} {on_clear} />
    };
    let input = html! {
        <Input {lang} {on_file} {on_declaration}
            declaration={state.declaration.as_ref().map(|(n, _)| n.clone())} />
    };
    let again = job
        .as_ref()
        .filter(|j| j.result.is_some() || j.error.is_some())
        .map(|_| {
            html! {
                <div class="again">
                    <button type="button" id="review-again" class="button" onclick={on_again}>
                        { text(lang, Label::ReviewAgain) }
                    </button>
                </div>
            }
        });
    let decisions = (!enterprise).then(|| state.decisions.clone());
    html! {
        <div class={classes!("app", format!("mode-{}", state.mode.id()))}>
            { header }
            if enterprise {
                { form }
                { input }
            } else {
                { input }
                { form }
            }
            { for again }
            <Progress {lang} engine={state.engine.clone()} job={job.clone()} />
            if let Some(job) = job {
                <main class="review">
                    <section class="left">
                        <PageView {lang} pages={job.pages.clone()} result={result.clone()}
                            selected={state.selected} />
                    </section>
                    <section class="right">
                        if let Some(result) = result {
                            <VerdictBanner {lang} result={result.clone()} verdict_ms={job.verdict_ms} />
                            if enterprise {
                                <FixList {lang} result={result.clone()} on_select={on_select.clone()} />
                            } else {
                                <ExportBar {lang} file_name={job.file_name.clone()}
                                    result={result.clone()} decisions={state.decisions.clone()} />
                            }
                            <TemplateCard {lang} result={result.clone()} />
                            <Findings {lang} result={result.clone()} selected={state.selected}
                                {on_select} {decisions} {on_decide} />
                            <FieldsTable {lang} result={result.clone()} />
                            <Specimens {lang} pages={job.pages.clone()} {result} />
                        }
                    </section>
                </main>
            }
        </div>
    }
}
