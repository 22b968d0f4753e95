//! The trainee's checklist: every fault kind the generator can plant, each
//! a checkbox `#mark-<fault-name>` (e.g. `#mark-net-over-gross`).

use std::collections::BTreeSet;

use synth::certificate::Fault;
use yew::prelude::*;

use super::texts::{fault_name, tr, TLabel};
use crate::i18n::Lang;

/// Properties of [`Marks`].
#[derive(Properties, PartialEq)]
pub struct MarksProps {
    /// The page's language.
    pub lang: Lang,
    /// The fault kinds ticked so far.
    pub marked: BTreeSet<Fault>,
    /// True once the answer is shown: the boxes no longer change.
    pub locked: bool,
    /// Ticks or unticks a fault kind.
    pub on_toggle: Callback<Fault>,
}

/// The list of fault kinds with their checkboxes, named in the page's language
/// (with the rule ids each kind trips).
#[function_component(Marks)]
pub fn marks(props: &MarksProps) -> Html {
    let item = |fault: Fault| {
        let on_toggle = props.on_toggle.clone();
        let id = format!("mark-{}", fault.name());
        html! {
            <li data-fault={fault.name()}>
                <label for={id.clone()}>
                    <input type="checkbox" id={id} checked={props.marked.contains(&fault)}
                        disabled={props.locked} onchange={move |_| on_toggle.emit(fault)} />
                    { fault_name(props.lang, fault) }
                    <span class="rules">{ format!(" ({})", fault.rules().join(", ")) }</span>
                </label>
            </li>
        }
    };
    html! {
        <section id="training-marks" class="card">
            <h2>{ tr(props.lang, TLabel::YourMarks) }</h2>
            <ul class="marks">{ for Fault::ALL.into_iter().map(item) }</ul>
        </section>
    }
}
