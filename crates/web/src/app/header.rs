//! The title bar with the mode switch and the language switch.

use yew::prelude::*;

use super::state::Mode;
use crate::i18n::{text, Label, Lang};

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The page's language.
    pub lang: Lang,
    /// The current mode.
    pub mode: Mode,
    /// Switches the language.
    pub on_toggle: Callback<()>,
    /// Switches the mode.
    pub on_mode: Callback<Mode>,
}

/// The label of a mode's button.
fn mode_label(mode: Mode) -> Label {
    match mode {
        Mode::Officer => Label::ModeOfficer,
        Mode::Enterprise => Label::ModeEnterprise,
        Mode::Training => Label::ModeTraining,
    }
}

/// The title, the mode switch (buttons `#mode-officer`, `#mode-enterprise`,
/// `#mode-training`) and the language switch.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let on_toggle = props.on_toggle.clone();
    let lang = props.lang;
    let button = |mode: Mode| {
        let on_mode = props.on_mode.clone();
        let active = props.mode == mode;
        html! {
            <button id={format!("mode-{}", mode.id())} type="button"
                class={classes!("mode", active.then_some("active"))}
                aria-pressed={active.to_string()}
                onclick={move |_| on_mode.emit(mode)}>
                { text(lang, mode_label(mode)) }
            </button>
        }
    };
    html! {
        <header class="header">
            <h1>{ text(lang, Label::Title) }</h1>
            <nav class="modes" aria-label={text(lang, Label::ModeLabel)}>
                { for Mode::ALL.into_iter().map(button) }
            </nav>
            <button id="lang-switch" class="lang" onclick={move |_| on_toggle.emit(())}>
                { text(lang, Label::Switch) }
            </button>
        </header>
    }
}
