//! The title bar with the language switch.

use yew::prelude::*;

use crate::i18n::{text, Label, Lang};

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The page's language.
    pub lang: Lang,
    /// Switches the language.
    pub on_toggle: Callback<()>,
}

/// The title and the language switch.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let on_toggle = props.on_toggle.clone();
    html! {
        <header class="header">
            <h1>{ text(props.lang, Label::Title) }</h1>
            <button id="lang-switch" class="lang" onclick={move |_| on_toggle.emit(())}>
                { text(props.lang, Label::Switch) }
            </button>
        </header>
    }
}
