//! File type detection from the first bytes of the content.
//!
//! The magic numbers are written out here rather than taken from
//! `image::guess_format` because that function knows nothing of PDF and
//! accepts formats we do not decode (ICO, TGA...): one table for all inputs
//! keeps the answer and the error message consistent.

use std::fmt;

/// An input file type this crate decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Portable Network Graphics (one page).
    Png,
    /// JPEG / JFIF / EXIF (one page).
    Jpeg,
    /// TIFF or BigTIFF (every page).
    Tiff,
    /// WebP, lossy or lossless (one page; first frame if animated).
    Webp,
    /// GIF (one page; first frame if animated).
    Gif,
    /// Windows bitmap (one page).
    Bmp,
    /// PDF (every page, rasterised).
    Pdf,
}

impl Format {
    /// Short upper-case name used in messages, for example "PNG" or "PDF".
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
            Format::Tiff => "TIFF",
            Format::Webp => "WebP",
            Format::Gif => "GIF",
            Format::Bmp => "BMP",
            Format::Pdf => "PDF",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How far into the file a PDF header may start: readers accept leading
/// garbage before `%PDF-` within the first kilobyte.
const PDF_HEADER_WINDOW: usize = 1024;

/// BMP info-header sizes that exist (core, V1..V5 and OS/2 variants); the two
/// letters "BM" alone are too weak a signature.
const BMP_INFO_HEADER_SIZES: [u32; 8] = [12, 16, 40, 52, 56, 64, 108, 124];

/// Identify the file type from its content (never from a file name).
///
/// Returns `None` for anything this crate does not decode.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Format::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(Format::Jpeg);
    }
    if is_tiff(bytes) {
        return Some(Format::Tiff);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some(Format::Webp);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some(Format::Gif);
    }
    if is_bmp(bytes) {
        return Some(Format::Bmp);
    }
    if is_pdf(bytes) {
        return Some(Format::Pdf);
    }
    None
}

/// Classic TIFF (42) or BigTIFF (43), either byte order.
fn is_tiff(bytes: &[u8]) -> bool {
    [b"II*\0", b"MM\0*", b"II+\0", b"MM\0+"]
        .iter()
        .any(|magic| bytes.starts_with(*magic))
}

/// "BM" followed, at offset 14, by a known info-header size.
fn is_bmp(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"BM") || bytes.len() < 18 {
        return false;
    }
    let size = u32::from_le_bytes([bytes[14], bytes[15], bytes[16], bytes[17]]);
    BMP_INFO_HEADER_SIZES.contains(&size)
}

/// `%PDF-` within the first kilobyte.
fn is_pdf(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    window.windows(5).any(|w| w == b"%PDF-")
}

/// A short description of unknown content for the `Unsupported` message: the
/// first bytes in hex.
pub(crate) fn describe_unknown(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "the input is empty".to_string();
    }
    let head: Vec<String> = bytes.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!(
        "not PNG, JPEG, TIFF, WebP, GIF, BMP or PDF (first bytes: {})",
        head.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_magic() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(Format::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Format::Jpeg));
        assert_eq!(sniff(b"II*\0\x08\0\0\0"), Some(Format::Tiff));
        assert_eq!(sniff(b"MM\0*\0\0\0\x08"), Some(Format::Tiff));
        assert_eq!(sniff(b"II+\0\x08\0\0\0"), Some(Format::Tiff));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(Format::Webp));
        assert_eq!(sniff(b"GIF89a\x01\0"), Some(Format::Gif));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Format::Pdf));
        assert_eq!(sniff(b"junk before\n%PDF-1.4\n"), Some(Format::Pdf));
    }

    #[test]
    fn bmp_needs_an_info_header_size() {
        let mut bmp = b"BM".to_vec();
        bmp.extend_from_slice(&[0; 12]);
        bmp.extend_from_slice(&40u32.to_le_bytes());
        assert_eq!(sniff(&bmp), Some(Format::Bmp));
        assert_eq!(sniff(b"BMW is a car, not a bitmap"), None);
    }

    #[test]
    fn rejects_unknown_and_riff_without_webp() {
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"hello"), None);
        assert_eq!(sniff(b"RIFF\x10\0\0\0WAVEfmt "), None);
        let late = [vec![b' '; PDF_HEADER_WINDOW], b"%PDF-1.4".to_vec()].concat();
        assert_eq!(sniff(&late), None);
        assert!(describe_unknown(b"hello").contains("68 65 6c 6c 6f"));
    }

    #[test]
    fn display_names() {
        assert_eq!(Format::Pdf.to_string(), "PDF");
        assert_eq!(Format::Webp.to_string(), "WebP");
    }
}
