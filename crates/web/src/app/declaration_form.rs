//! The declaration form: every declared value the rules compare, checked as
//! it is typed; a loaded declaration file fills it. Officer mode shows it
//! folded under the input row; enterprise mode shows it open, first.
//!
//! Stable ids: `#declaration-form`, inputs `#decl-<key>` (the declaration's
//! JSON keys, e.g. `#decl-net_weight_kg`), `#decl-container-<i>` and
//! `#decl-seal-<i>`, errors `#error-<key>` and `#error-container-<i>`,
//! `#form-status` (`data-valid`).

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{self, text, Label, Lang};
use crate::view_model::form::{ContainerRow, DeclarationForm, ErrorPlace, FormError, FormField};

/// Properties of [`DeclarationFormView`].
#[derive(Properties, PartialEq)]
pub struct DeclarationFormProps {
    /// The page's language.
    pub lang: Lang,
    /// The form's values.
    pub form: DeclarationForm,
    /// Open (enterprise mode) or folded (officer mode).
    pub open: bool,
    /// The form was edited.
    pub on_change: Callback<DeclarationForm>,
    /// Clears the form and the declaration file.
    pub on_clear: Callback<()>,
}

/// The typed text of an input event.
fn typed(e: &InputEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// A placeholder showing the expected shape of a value.
fn placeholder(field: FormField) -> &'static str {
    match field {
        FormField::OriginCountry => "AU",
        FormField::HsCode => "0202.30",
        FormField::Packages => "1200",
        FormField::NetWeight => "24560",
        FormField::GrossWeight => "25610",
        FormField::DepartureDate => "2026-03-12",
        FormField::Establishments => "EST 1234, EST 5678",
        FormField::CertificateNumber => "VH26/004512",
        _ => "",
    }
}

/// The form.
#[function_component(DeclarationFormView)]
pub fn declaration_form(props: &DeclarationFormProps) -> Html {
    let lang = props.lang;
    let form = &props.form;
    let errors: Vec<(ErrorPlace, FormError)> = form.to_declaration().err().unwrap_or_default();
    let error_at = |place: ErrorPlace| -> Vec<String> {
        errors
            .iter()
            .filter(|(p, _)| *p == place)
            .map(|(_, e)| i18n::form_error(lang, e))
            .collect()
    };

    let input = |field: FormField| {
        let on_change = props.on_change.clone();
        let current = form.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = current.clone();
            next.set(field, typed(&e));
            on_change.emit(next);
        });
        let key = field.key();
        let messages = error_at(ErrorPlace::Field(field));
        let invalid = !messages.is_empty();
        let kind = if field == FormField::DepartureDate {
            "date"
        } else {
            "text"
        };
        html! {
            <label class={classes!("form-field", invalid.then_some("invalid"))}>
                <span>{ i18n::field(lang, field.field_name()) }</span>
                <input id={format!("decl-{key}")} type={kind} name={key}
                    value={form.get(field).to_string()} placeholder={placeholder(field)}
                    aria-invalid={invalid.to_string()} {oninput} />
                if invalid {
                    <span class="form-error" id={format!("error-{key}")}>
                        { messages.join(" ") }
                    </span>
                }
            </label>
        }
    };

    let container_row = |(i, row): (usize, &ContainerRow)| {
        let edit = |seal: bool| {
            let on_change = props.on_change.clone();
            let current = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = current.clone();
                if let Some(r) = next.containers.get_mut(i) {
                    if seal {
                        r.seal = typed(&e);
                    } else {
                        r.number = typed(&e);
                    }
                }
                on_change.emit(next);
            })
        };
        let remove = {
            let on_change = props.on_change.clone();
            let current = form.clone();
            Callback::from(move |_| {
                let mut next = current.clone();
                if i < next.containers.len() {
                    next.containers.remove(i);
                }
                on_change.emit(next);
            })
        };
        let messages = error_at(ErrorPlace::Container(i));
        html! {
            <div class={classes!("container-row", (!messages.is_empty()).then_some("invalid"))}>
                <input id={format!("decl-container-{i}")} type="text" placeholder="CSQU3054383"
                    aria-label={text(lang, Label::ContainerNumber)}
                    value={row.number.clone()} oninput={edit(false)} />
                <input id={format!("decl-seal-{i}")} type="text" placeholder="G2382564"
                    aria-label={text(lang, Label::SealNumber)}
                    value={row.seal.clone()} oninput={edit(true)} />
                <button type="button" class="remove" onclick={remove}>
                    { text(lang, Label::Remove) }
                </button>
                if !messages.is_empty() {
                    <span class="form-error" id={format!("error-container-{i}")}>
                        { messages.join(" ") }
                    </span>
                }
            </div>
        }
    };
    let add = {
        let on_change = props.on_change.clone();
        let current = form.clone();
        Callback::from(move |_| {
            let mut next = current.clone();
            next.containers.push(ContainerRow::default());
            on_change.emit(next);
        })
    };
    let clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_| on_clear.emit(()))
    };
    let status = if form.is_empty() {
        html! { <p id="form-status" class="hint" data-valid="empty">{ text(lang, Label::FormHint) }</p> }
    } else if errors.is_empty() {
        html! { <p id="form-status" class="hint ok" data-valid="true">{ text(lang, Label::FormUsed) }</p> }
    } else {
        html! { <p id="form-status" class="form-error" data-valid="false">{ text(lang, Label::FormInvalid) }</p> }
    };

    html! {
        <details id="declaration-form" class="card declaration-form" open={props.open}>
            <summary><h2>{ text(lang, Label::DeclarationForm) }</h2></summary>
            { status }
            <div class="form-grid">
                { for FormField::ALL.into_iter().map(input) }
            </div>
            <fieldset class="containers">
                <legend>
                    { format!("{} / {}", text(lang, Label::ContainerNumber), text(lang, Label::SealNumber)) }
                </legend>
                { for form.containers.iter().enumerate().map(container_row) }
                <button type="button" id="decl-add-container" class="button" onclick={add}>
                    { text(lang, Label::AddContainer) }
                </button>
            </fieldset>
            <button type="button" id="decl-clear" class="button" onclick={clear}>
                { text(lang, Label::ClearForm) }
            </button>
        </details>
    }
}
