//! The officer's controls on one finding: confirm, or override with a
//! reason (refused while the reason is blank), and undo.
//!
//! Stable ids: `#confirm-<rule>`, `#reason-<rule>`, `#override-<rule>`,
//! `#undo-<rule>`, `#decision-<rule>` (`data-decision`: `confirmed`,
//! `overridden`), `#reason-error-<rule>`.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{text, Label, Lang};
use crate::view_model::decisions::{overridden, OfficerDecision};

/// Properties of [`DecisionControls`].
#[derive(Properties, PartialEq)]
pub struct DecisionControlsProps {
    /// The page's language.
    pub lang: Lang,
    /// The finding's rule id.
    pub rule: String,
    /// The decision taken, if any.
    pub decision: Option<OfficerDecision>,
    /// Takes a decision (or takes it back with `None`).
    pub on_decide: Callback<(String, Option<OfficerDecision>)>,
}

/// Confirm / override controls, or the decision taken with an undo.
#[function_component(DecisionControls)]
pub fn decision_controls(props: &DecisionControlsProps) -> Html {
    let lang = props.lang;
    let rule = props.rule.clone();
    let reason = use_state(String::new);
    let refused = use_state(|| false);
    // Clicks here must not select the finding underneath.
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());

    if let Some(decision) = &props.decision {
        let (kind, shown) = match decision {
            OfficerDecision::Confirmed => ("confirmed", text(lang, Label::Confirmed).to_string()),
            OfficerDecision::Overridden { reason } => (
                "overridden",
                format!("{}: {reason}", text(lang, Label::Overridden)),
            ),
        };
        let undo = {
            let on_decide = props.on_decide.clone();
            let rule = rule.clone();
            Callback::from(move |_| on_decide.emit((rule.clone(), None)))
        };
        return html! {
            <div class="decision-controls" onclick={stop}>
                <span id={format!("decision-{rule}")} class={classes!("decision", kind)}
                    data-decision={kind}>{ shown }</span>
                <button type="button" id={format!("undo-{rule}")} class="undo" onclick={undo}>
                    { text(lang, Label::Undo) }
                </button>
            </div>
        };
    }

    let confirm = {
        let on_decide = props.on_decide.clone();
        let rule = rule.clone();
        Callback::from(move |_| on_decide.emit((rule.clone(), Some(OfficerDecision::Confirmed))))
    };
    let on_reason = {
        let reason = reason.clone();
        let refused = refused.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                reason.set(input.value());
                refused.set(false);
            }
        })
    };
    let override_it = {
        let on_decide = props.on_decide.clone();
        let rule = rule.clone();
        let reason = reason.clone();
        let refused = refused.clone();
        Callback::from(move |_| match overridden(&rule, &reason) {
            Ok(d) => {
                refused.set(false);
                on_decide.emit((rule.clone(), Some(d)));
            }
            Err(e) => {
                log::info!("{e}");
                refused.set(true);
            }
        })
    };
    html! {
        <div class="decision-controls" onclick={stop}>
            <button type="button" id={format!("confirm-{rule}")} class="confirm" onclick={confirm}>
                { text(lang, Label::Confirm) }
            </button>
            <input type="text" id={format!("reason-{rule}")} class="reason"
                placeholder={text(lang, Label::Reason)} aria-label={text(lang, Label::Reason)}
                value={(*reason).clone()} oninput={on_reason} />
            <button type="button" id={format!("override-{rule}")} class="override"
                onclick={override_it}>
                { text(lang, Label::Override) }
            </button>
            if *refused {
                <span id={format!("reason-error-{rule}")} class="form-error">
                    { text(lang, Label::ReasonNeeded) }
                </span>
            }
        </div>
    }
}
