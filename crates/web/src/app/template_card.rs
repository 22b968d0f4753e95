//! The identified template: id, version, validity window.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{text, Label, Lang};
use crate::protocol::ReviewResult;

/// Properties of [`TemplateCard`].
#[derive(Properties, PartialEq)]
pub struct TemplateCardProps {
    /// The page's language.
    pub lang: Lang,
    /// The review result.
    pub result: Rc<ReviewResult>,
}

/// The template card, or "unknown template".
#[function_component(TemplateCard)]
pub fn template_card(props: &TemplateCardProps) -> Html {
    let lang = props.lang;
    let Some(t) = &props.result.template else {
        return html! {
            <section id="template-card" class="card unknown">
                <h2>{ text(lang, Label::Template) }</h2>
                <p>{ text(lang, Label::UnknownTemplate) }</p>
            </section>
        };
    };
    let to = t
        .valid_to
        .clone()
        .unwrap_or_else(|| text(lang, Label::Current).to_string());
    let row = |label: Label, value: String, id: &'static str| {
        html! { <tr><th>{ text(lang, label) }</th><td id={id}>{ value }</td></tr> }
    };
    html! {
        <section id="template-card" class="card">
            <h2>{ text(lang, Label::Template) }</h2>
            <table>
                { row(Label::Id, t.id.clone(), "template-id") }
                { row(Label::Version, t.version.clone(), "template-version") }
                { row(Label::Validity, format!("{} – {to}", t.valid_from), "template-validity") }
                { row(Label::Country, t.country_name.clone(), "template-country") }
                { row(Label::Product, t.product.clone(), "template-product") }
                { row(Label::Confidence, format!("{:.0}%", t.confidence * 100.0), "template-confidence") }
            </table>
        </section>
    }
}
