//! The fields: certificate value, declaration value, register value, outcome.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{self, text, Label, Lang};
use crate::protocol::ReviewResult;
use crate::view_model::{field_rows, outcome_class};

/// Properties of [`FieldsTable`].
#[derive(Properties, PartialEq)]
pub struct FieldsTableProps {
    /// The page's language.
    pub lang: Lang,
    /// The review result.
    pub result: Rc<ReviewResult>,
}

/// The table.
#[function_component(FieldsTable)]
pub fn fields_table(props: &FieldsTableProps) -> Html {
    let lang = props.lang;
    let rows = field_rows(&props.result.report);
    let cell = |v: &Option<String>| v.clone().unwrap_or_default();
    html! {
        <section id="fields" class="card">
            <h2>{ text(lang, Label::Fields) }</h2>
            <table class="fields">
                <thead><tr>
                    <th>{ text(lang, Label::Field) }</th>
                    <th>{ text(lang, Label::CertificateValue) }</th>
                    <th>{ text(lang, Label::DeclarationValue) }</th>
                    <th>{ text(lang, Label::RegisterValue) }</th>
                    <th>{ text(lang, Label::Outcome) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr class={outcome_class(r.outcome)} data-field={r.name.clone()}>
                            <td>{ i18n::field(lang, &r.name) }</td>
                            <td class="value">{ r.certificate.clone() }</td>
                            <td>{ cell(&r.declaration) }</td>
                            <td>{ cell(&r.register) }</td>
                            <td>{ r.outcome.map(|o| i18n::outcome(lang, o)).unwrap_or("") }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
