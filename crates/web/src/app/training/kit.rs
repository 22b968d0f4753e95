//! What the generator needs in the page: the fonts (served under `fonts/`
//! by `scripts/build-web.sh`) and the data set (the files `data-index.json`
//! lists), fetched from the page's own origin once, on the first exercise.

use js_sys::Uint8Array;
use review::DataSet;
use synth::{FontBytes, Fonts};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The font files, in `FontBytes` field order, under `fonts/`.
const FONT_FILES: [&str; 8] = [
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationMono-Regular.ttf",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "NotoSansCJK-Regular.ttc",
];

/// Index of "Noto Sans CJK SC" inside NotoSansCJK-Regular.ttc.
const CJK_INDEX: u32 = 2;

/// The list of data files written by `scripts/build-web.sh`.
const DATA_INDEX: &str = "data-index.json";

/// Why the generator's kit could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KitError {
    /// A fetch failed (status 0: no response).
    #[error("{url}: HTTP status {status}")]
    Fetch {
        /// The file's address, relative to the page.
        url: String,
        /// The HTTP status, 0 without a response.
        status: u16,
    },
    /// The data index or the data set is invalid.
    #[error("data: {0}")]
    Data(String),
    /// A font could not be used.
    #[error("fonts: {0}")]
    Fonts(#[from] synth::SynthError),
}

/// The parsed fonts and data set.
pub struct Kit {
    /// The generator's typefaces.
    pub fonts: Fonts,
    /// Templates, rules and registers.
    pub data: DataSet,
}

/// Fetches one file of the site as bytes.
async fn fetch(url: &str) -> Result<Vec<u8>, KitError> {
    let failed = |status: u16| KitError::Fetch {
        url: url.to_string(),
        status,
    };
    let window = web_sys::window().ok_or_else(|| failed(0))?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed(0))?
        .dyn_into()
        .map_err(|_| failed(0))?;
    if !response.ok() {
        return Err(failed(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed(0))?)
        .await
        .map_err(|_| failed(0))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Fetches and parses the fonts and the data set.
pub async fn load() -> Result<Kit, KitError> {
    // The data, as the worker reads it.
    let index = fetch(DATA_INDEX).await?;
    let names: Vec<String> =
        serde_json::from_slice(&index).map_err(|e| KitError::Data(format!("{DATA_INDEX}: {e}")))?;
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        let bytes = fetch(&name).await?;
        files.push((name, bytes));
    }
    let data = DataSet::from_files(&files).map_err(|e| KitError::Data(e.to_string()))?;

    // The fonts.
    let mut fonts = Vec::with_capacity(FONT_FILES.len());
    for name in FONT_FILES {
        fonts.push(fetch(&format!("fonts/{name}")).await?);
    }
    let fonts = Fonts::from_bytes(&FontBytes {
        sans: &fonts[0],
        sans_bold: &fonts[1],
        serif: &fonts[2],
        serif_bold: &fonts[3],
        mono: &fonts[4],
        dejavu_sans: &fonts[5],
        dejavu_sans_bold: &fonts[6],
        cjk: &fonts[7],
        cjk_index: CJK_INDEX,
    })?;
    Ok(Kit { fonts, data })
}
