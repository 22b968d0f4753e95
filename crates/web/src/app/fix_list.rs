//! The enterprise pre-check's checklist: what to fix before declaring,
//! most severe first; a click shows the evidence on the page.
//!
//! Stable ids: `#fix-list` (`data-count`), items `li.fix` with `data-rule`.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{text, Label, Lang};
use crate::protocol::ReviewResult;
use crate::view_model::fixes::fix_list;
use crate::view_model::outcome_class;

/// Properties of [`FixList`].
#[derive(Properties, PartialEq)]
pub struct FixListProps {
    /// The page's language.
    pub lang: Lang,
    /// The review result.
    pub result: Rc<ReviewResult>,
    /// Selects a finding (its evidence is shown on the page).
    pub on_select: Callback<Option<usize>>,
}

/// The checklist.
#[function_component(FixList)]
pub fn fix_list_view(props: &FixListProps) -> Html {
    let lang = props.lang;
    let fixes = fix_list(lang, &props.result.report);
    html! {
        <section id="fix-list" class="card fix-list" data-count={fixes.len().to_string()}>
            <h2>{ text(lang, Label::FixList) }</h2>
            if fixes.is_empty() {
                <p class="ok">{ text(lang, Label::NothingToFix) }</p>
            } else {
                <ol>
                    { for fixes.into_iter().map(|fix| {
                        let on_select = props.on_select.clone();
                        let i = fix.finding;
                        html! {
                            <li class={classes!("fix", outcome_class(Some(fix.outcome)))}
                                data-rule={fix.rule.clone()}
                                onclick={move |_| on_select.emit(Some(i))}>
                                <input type="checkbox" aria-label={fix.rule.clone()}
                                    onclick={|e: MouseEvent| e.stop_propagation()} />
                                <b>{ fix.rule }</b>
                                <span class="message">{ fix.text }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
