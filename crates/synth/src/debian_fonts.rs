//! Loads the fonts from the Debian packages fonts-liberation, fonts-dejavu-core
//! and fonts-noto-cjk (native builds only: WebAssembly hands the bytes in).

use crate::{FontBytes, Fonts, SynthError};

/// Where a font file lives and which package installs it.
struct SystemFont {
    path: &'static str,
    package: &'static str,
}

const LIBERATION: &str = "fonts-liberation";
const DEJAVU: &str = "fonts-dejavu-core";
const NOTO_CJK: &str = "fonts-noto-cjk";

/// The files, in `FontBytes` field order.
const FILES: [SystemFont; 8] = [
    SystemFont {
        path: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        package: LIBERATION,
    },
    SystemFont {
        path: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        package: LIBERATION,
    },
    SystemFont {
        path: "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        package: LIBERATION,
    },
    SystemFont {
        path: "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
        package: LIBERATION,
    },
    SystemFont {
        path: "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
        package: LIBERATION,
    },
    SystemFont {
        path: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        package: DEJAVU,
    },
    SystemFont {
        path: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        package: DEJAVU,
    },
    SystemFont {
        path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        package: NOTO_CJK,
    },
];

/// Index of "Noto Sans CJK SC" inside NotoSansCJK-Regular.ttc
/// (the collection holds JP, KR, SC, TC, HK in that order).
const NOTO_CJK_SC_INDEX: u32 = 2;

impl Fonts {
    /// Loads the fonts from /usr/share/fonts as installed by the Debian packages
    /// fonts-liberation, fonts-dejavu-core and fonts-noto-cjk. A missing file is
    /// a `SynthError::FontFile` naming the package to install.
    pub fn from_debian() -> Result<Fonts, SynthError> {
        // Read every file; the first missing one names its package.
        let mut data = Vec::with_capacity(FILES.len());
        for file in &FILES {
            let bytes = std::fs::read(file.path).map_err(|source| SynthError::FontFile {
                path: file.path.to_string(),
                package: file.package,
                source,
            })?;
            data.push(bytes);
        }

        // Hand them over as bytes, like the WebAssembly build does.
        let bytes = FontBytes {
            sans: &data[0],
            sans_bold: &data[1],
            serif: &data[2],
            serif_bold: &data[3],
            mono: &data[4],
            dejavu_sans: &data[5],
            dejavu_sans_bold: &data[6],
            cjk: &data[7],
            cjk_index: NOTO_CJK_SC_INDEX,
        };
        log::debug!("loaded {} Debian font files", FILES.len());
        Fonts::from_bytes(&bytes)
    }
}
