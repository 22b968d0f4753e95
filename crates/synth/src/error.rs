//! The crate's error type.

/// Everything that can go wrong while loading fonts or rendering a page.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// A font's bytes could not be parsed (not a TrueType/OpenType font, or the
    /// collection index is past the end of a `.ttc`).
    #[error("font {face} could not be parsed (collection index {index})")]
    FontParse {
        /// Which role the font was meant for, e.g. "sans" or "cjk".
        face: &'static str,
        /// Face index inside a font collection (0 for plain font files).
        index: u32,
    },

    /// A font lacks glyphs the certificates need.
    #[error("font {face} has no glyph for {missing:?}")]
    FontCoverage {
        /// Which role the font was meant for.
        face: &'static str,
        /// The characters without a glyph.
        missing: String,
    },

    /// A font file of the Debian system fonts could not be read.
    #[error(
        "font file {path} could not be read ({source}): install the Debian package {package} \
         (apt-get install {package})"
    )]
    FontFile {
        /// The file that was looked for.
        path: String,
        /// The Debian package that ships it.
        package: &'static str,
        /// The underlying I/O error.
        source: std::io::Error,
    },

    /// The requested resolution is outside the supported range.
    #[error("dpi {dpi} is outside the supported range {min}..={max}")]
    Dpi {
        /// The requested dots per inch.
        dpi: f32,
        /// Smallest supported dpi.
        min: f32,
        /// Largest supported dpi.
        max: f32,
    },

    /// JPEG re-encoding of the page failed.
    #[error("JPEG re-encoding at quality {quality} failed: {message}")]
    Jpeg {
        /// The JPEG quality (1..=100) that was used.
        quality: u8,
        /// The codec's message.
        message: String,
    },

    /// A container number prefix is not 4 letters and 6 digits.
    #[error("container number prefix {prefix:?} is not 4 letters followed by 6 digits")]
    ContainerPrefix {
        /// The offending text.
        prefix: String,
    },

    /// A fault name that is not one of `Fault::ALL`.
    #[error("unknown fault {name:?} (expected a kebab-case name such as bad-check-digit)")]
    UnknownFault {
        /// The name given.
        name: String,
    },

    /// No template with this id (and version) in the data set.
    #[error("no template {id:?}{} in the data set", .version.as_deref().map(|v| format!(" version {v:?}")).unwrap_or_default())]
    UnknownTemplate {
        /// The template id asked for.
        id: String,
        /// The version asked for, if any.
        version: Option<String>,
    },

    /// A fault cannot be planted on this template with these registers.
    #[error("fault {fault} cannot be planted on {template}: {reason}")]
    FaultNotPossible {
        /// The fault's kebab-case name.
        fault: String,
        /// Template id and version.
        template: String,
        /// What is missing.
        reason: String,
    },

    /// The registers hold nothing that makes a genuine certificate possible.
    #[error("{template}: {reason}")]
    NoConsistentValues {
        /// Template id and version.
        template: String,
        /// What could not be found, e.g. "no establishment of AU listed for dairy".
        reason: String,
    },

    /// A page could not be encoded.
    #[error("page {page} could not be encoded as {format}: {message}")]
    Encode {
        /// Page number, 1-based.
        page: u32,
        /// The format, e.g. "png".
        format: &'static str,
        /// The codec's message.
        message: String,
    },
}
