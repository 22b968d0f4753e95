//! The page's state and the actions that change it.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::error::UserMessage;
use crate::i18n::Lang;
use crate::protocol::{FromWorker, ReviewResult};
use crate::view_model::decisions::{Decisions, OfficerDecision};
use crate::view_model::form::DeclarationForm;

/// Download progress of one item: (bytes loaded, total if known).
pub type Progress = (u64, Option<u64>);

/// Where the worker is.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineState {
    /// Downloading models and data.
    Loading(BTreeMap<String, Progress>),
    /// Ready, after `init_ms` milliseconds.
    Ready {
        /// Milliseconds from the worker's start to ready.
        init_ms: f64,
    },
    /// Loading failed.
    Failed(UserMessage),
}

/// One decoded page image.
#[derive(Clone, Debug)]
pub struct PageImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RGBA pixels, `width * height * 4` bytes.
    pub pixels: Rc<Vec<u8>>,
}

/// Pages are equal when they share their pixels: comparing megabytes of
/// pixels on every render would be wasted work.
impl PartialEq for PageImage {
    fn eq(&self, other: &Self) -> bool {
        self.width == other.width
            && self.height == other.height
            && Rc::ptr_eq(&self.pixels, &other.pixels)
    }
}

/// The review of one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// The file's name.
    pub file_name: String,
    /// Page clock (ms) when the file was dropped.
    pub dropped_ms: f64,
    /// Steps ended so far: (index into STEPS, milliseconds).
    pub steps: Vec<(usize, f64)>,
    /// Decoded pages, in order.
    pub pages: Vec<PageImage>,
    /// The result, when done.
    pub result: Option<Rc<ReviewResult>>,
    /// Milliseconds from drop to verdict, when done.
    pub verdict_ms: Option<f64>,
    /// The error, when the review failed.
    pub error: Option<UserMessage>,
}

/// Who the page serves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A customs officer reviews a certificate (the default).
    #[default]
    Officer,
    /// An enterprise checks its certificate against its draft declaration
    /// before declaring: the declaration form comes first.
    Enterprise,
    /// A training kiosk: generated certificates with faults to find.
    Training,
}

impl Mode {
    /// Every mode, in the order of the header's switch.
    pub const ALL: [Mode; 3] = [Mode::Officer, Mode::Enterprise, Mode::Training];

    /// The stable id part of the mode (`officer`, `enterprise`, `training`).
    pub fn id(self) -> &'static str {
        match self {
            Mode::Officer => "officer",
            Mode::Enterprise => "enterprise",
            Mode::Training => "training",
        }
    }
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The page's language.
    pub lang: Lang,
    /// Who the page serves.
    pub mode: Mode,
    /// The worker's loading state.
    pub engine: EngineState,
    /// The declaration file chosen: (file name, JSON text).
    pub declaration: Option<(String, String)>,
    /// The declaration form, as typed (filled from the file when it parses).
    pub form: DeclarationForm,
    /// The officer's decisions on the current review's findings, by rule id.
    pub decisions: Decisions,
    /// The current (or last) review.
    pub job: Option<Job>,
    /// The finding whose evidence is highlighted (index into the report's findings).
    pub selected: Option<usize>,
}

impl Default for State {
    fn default() -> Self {
        State {
            lang: Lang::En,
            mode: Mode::Officer,
            engine: EngineState::Loading(BTreeMap::new()),
            declaration: None,
            form: DeclarationForm::default(),
            decisions: Decisions::new(),
            job: None,
            selected: None,
        }
    }
}

/// What changes the state.
pub enum Action {
    /// Switch to the other language.
    ToggleLang,
    /// Switch to a mode.
    SetMode(Mode),
    /// A declaration file was chosen (name, text), or cleared (the form too).
    Declaration(Option<(String, String)>),
    /// The form was edited.
    Form(Box<DeclarationForm>),
    /// The officer decided about a rule's finding, or took the decision back.
    Decide(String, Option<OfficerDecision>),
    /// A file was handed to the worker at this page time (ms).
    Started {
        /// The file's name.
        file_name: String,
        /// Page clock, milliseconds.
        at_ms: f64,
    },
    /// A message from the worker, with its bytes, received at this page time (ms).
    Worker(FromWorker, Option<Vec<u8>>, f64),
    /// Highlight a finding's evidence, or none.
    Select(Option<usize>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::ToggleLang => s.lang = s.lang.other(),
            Action::SetMode(m) => s.mode = m,
            Action::Declaration(d) => {
                s.form = match &d {
                    Some((_, text)) => DeclarationForm::from_json(text).unwrap_or_else(|e| {
                        log::warn!("the declaration file does not fill the form: {e}");
                        DeclarationForm::default()
                    }),
                    None => DeclarationForm::default(),
                };
                s.declaration = d;
            }
            Action::Form(form) => s.form = *form,
            Action::Decide(rule, Some(d)) => {
                s.decisions.insert(rule, d);
            }
            Action::Decide(rule, None) => {
                s.decisions.remove(&rule);
            }
            Action::Select(i) => s.selected = i,
            Action::Started { file_name, at_ms } => {
                s.selected = None;
                s.decisions.clear();
                s.job = Some(Job {
                    file_name,
                    dropped_ms: at_ms,
                    steps: Vec::new(),
                    pages: Vec::new(),
                    result: None,
                    verdict_ms: None,
                    error: None,
                });
            }
            Action::Worker(message, bytes, at_ms) => apply(&mut s, message, bytes, at_ms),
        }
        Rc::new(s)
    }
}

impl State {
    /// The declaration's JSON text for the next review: the form's, when
    /// something is typed and valid; else the file's text when the file did
    /// not fill the form (the worker then says what is wrong with it); else
    /// none.
    pub fn declaration_json(&self) -> Option<String> {
        if !self.form.is_empty() {
            return self.form.to_json().ok();
        }
        self.declaration.as_ref().map(|(_, text)| text.clone())
    }
}

/// Applies a worker message.
fn apply(s: &mut State, message: FromWorker, bytes: Option<Vec<u8>>, at_ms: f64) {
    match message {
        FromWorker::Loading {
            item,
            loaded,
            total,
        } => {
            if let EngineState::Loading(items) = &mut s.engine {
                items.insert(item, (loaded, total));
            }
        }
        FromWorker::Ready { init_ms, .. } => s.engine = EngineState::Ready { init_ms },
        FromWorker::InitFailed { error } => s.engine = EngineState::Failed(error),
        FromWorker::Step { index, ms } => {
            if let Some(job) = &mut s.job {
                job.steps.push((index, ms));
            }
        }
        FromWorker::Page {
            index,
            width,
            height,
            ..
        } => {
            let expected = width as usize * height as usize * 4;
            if let (Some(job), Some(pixels)) = (&mut s.job, bytes) {
                if pixels.len() == expected && index as usize == job.pages.len() {
                    job.pages.push(PageImage {
                        width,
                        height,
                        pixels: Rc::new(pixels),
                    });
                } else {
                    log::warn!("page {index}: {} bytes, expected {expected}", pixels.len());
                }
            }
        }
        FromWorker::Done { result } => {
            if let Some(job) = &mut s.job {
                job.verdict_ms = Some(at_ms - job.dropped_ms);
                job.result = Some(Rc::new(*result));
            }
        }
        FromWorker::Failed { error } => {
            if let Some(job) = &mut s.job {
                job.error = Some(error);
            }
        }
    }
}
