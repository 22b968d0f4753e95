//! The typefaces pages are printed with, handed in as bytes so the library
//! never touches a file system (it also runs in WebAssembly).

use ab_glyph::{Font, FontVec, GlyphId};

use crate::SynthError;

/// One typeface role on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// Liberation Sans Regular (metric-compatible with Arial).
    Sans,
    /// Liberation Sans Bold.
    SansBold,
    /// Liberation Serif Regular (metric-compatible with Times New Roman).
    Serif,
    /// Liberation Serif Bold.
    SerifBold,
    /// Liberation Mono Regular (metric-compatible with Courier New).
    Mono,
    /// DejaVu Sans Book.
    DejaVuSans,
    /// DejaVu Sans Bold.
    DejaVuSansBold,
    /// Noto Sans CJK SC Regular: the Chinese lines.
    Cjk,
}

impl Face {
    /// Every face, in the order `Fonts` stores them.
    pub const ALL: [Face; 8] = [
        Face::Sans,
        Face::SansBold,
        Face::Serif,
        Face::SerifBold,
        Face::Mono,
        Face::DejaVuSans,
        Face::DejaVuSansBold,
        Face::Cjk,
    ];

    /// Short role name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Face::Sans => "sans",
            Face::SansBold => "sans-bold",
            Face::Serif => "serif",
            Face::SerifBold => "serif-bold",
            Face::Mono => "mono",
            Face::DejaVuSans => "dejavu-sans",
            Face::DejaVuSansBold => "dejavu-sans-bold",
            Face::Cjk => "cjk",
        }
    }

    /// True for the face that prints Chinese lines.
    pub fn is_cjk(self) -> bool {
        self == Face::Cjk
    }
}

/// The raw font files, borrowed; `Fonts::from_bytes` copies what it keeps.
#[derive(Clone, Copy, Debug)]
pub struct FontBytes<'a> {
    /// LiberationSans-Regular.ttf.
    pub sans: &'a [u8],
    /// LiberationSans-Bold.ttf.
    pub sans_bold: &'a [u8],
    /// LiberationSerif-Regular.ttf.
    pub serif: &'a [u8],
    /// LiberationSerif-Bold.ttf.
    pub serif_bold: &'a [u8],
    /// LiberationMono-Regular.ttf.
    pub mono: &'a [u8],
    /// DejaVuSans.ttf.
    pub dejavu_sans: &'a [u8],
    /// DejaVuSans-Bold.ttf.
    pub dejavu_sans_bold: &'a [u8],
    /// NotoSansCJK-Regular.ttc (or any font with Simplified Chinese glyphs).
    pub cjk: &'a [u8],
    /// Face index of Simplified Chinese inside `cjk` (2 in Debian's NotoSansCJK-Regular.ttc).
    pub cjk_index: u32,
}

/// Characters every Latin face must cover: the accented names and the symbols
/// the certificates print.
const LATIN_REPERTOIRE: &str = "AZaz09éèàçñüöãõíóúáâêôÉÀÇÑÜÖÃÕÍÓÚÁÂÊÔäëïßøå°&/-–.,:;()'\"#%+";

/// Characters the CJK face must cover (a sample of the Chinese lines).
const CJK_REPERTOIRE: &str = "输华冷冻牛肉兽医卫生证书发货人收货人，。";

/// The loaded typefaces.
pub struct Fonts {
    faces: Vec<FontVec>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.faces.len())
            .finish()
    }
}

impl Fonts {
    /// Parses the font files and checks that each covers the characters the
    /// certificates print. The bytes are copied (the CJK collection is ~19 MB).
    pub fn from_bytes(bytes: &FontBytes<'_>) -> Result<Fonts, SynthError> {
        // Parse every face in `Face::ALL` order.
        let sources: [(&[u8], u32); 8] = [
            (bytes.sans, 0),
            (bytes.sans_bold, 0),
            (bytes.serif, 0),
            (bytes.serif_bold, 0),
            (bytes.mono, 0),
            (bytes.dejavu_sans, 0),
            (bytes.dejavu_sans_bold, 0),
            (bytes.cjk, bytes.cjk_index),
        ];
        let mut faces = Vec::with_capacity(sources.len());
        for (face, (data, index)) in Face::ALL.into_iter().zip(sources) {
            let font = FontVec::try_from_vec_and_index(data.to_vec(), index).map_err(|_| {
                SynthError::FontParse {
                    face: face.name(),
                    index,
                }
            })?;
            faces.push(font);
        }
        let fonts = Fonts { faces };

        // Check glyph coverage so a wrong file fails here, not as tofu on a page.
        for face in Face::ALL {
            let repertoire = if face.is_cjk() {
                CJK_REPERTOIRE
            } else {
                LATIN_REPERTOIRE
            };
            let missing = fonts.missing_glyphs(face, repertoire);
            if !missing.is_empty() {
                return Err(SynthError::FontCoverage {
                    face: face.name(),
                    missing,
                });
            }
        }
        Ok(fonts)
    }

    /// The characters of `text` (whitespace aside) that `face` has no glyph for.
    pub fn missing_glyphs(&self, face: Face, text: &str) -> String {
        let font = self.font(face);
        text.chars()
            .filter(|c| !c.is_whitespace() && font.glyph_id(*c) == GlyphId(0))
            .collect()
    }

    /// The parsed font for a role.
    pub(crate) fn font(&self, face: Face) -> &FontVec {
        let index = Face::ALL.iter().position(|f| *f == face).unwrap_or(0);
        &self.faces[index]
    }

    /// Ascent and descent of a face in ems (both positive: above and below the baseline).
    pub(crate) fn vertical_metrics(&self, face: Face) -> (f32, f32) {
        let font = self.font(face);
        let upem = units_per_em(font);
        (
            font.ascent_unscaled() / upem,
            -font.descent_unscaled() / upem,
        )
    }

    /// Advance width in pixels of `text` set in `face` at `em_px` pixels per em,
    /// kerning included.
    pub(crate) fn advance(&self, face: Face, em_px: f32, text: &str) -> f32 {
        let font = self.font(face);
        let scale = em_px / units_per_em(font);
        let mut width = 0.0;
        let mut previous: Option<GlyphId> = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(prev) = previous {
                width += font.kern_unscaled(prev, id) * scale;
            }
            width += font.h_advance_unscaled(id) * scale;
            previous = Some(id);
        }
        width
    }
}

/// Font units per em, 1000 when a font does not say (never zero).
pub(crate) fn units_per_em(font: &FontVec) -> f32 {
    match font.units_per_em() {
        Some(upem) if upem > 0.0 => upem,
        _ => 1000.0,
    }
}
