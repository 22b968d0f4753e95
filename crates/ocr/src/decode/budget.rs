//! The resource checks every decoder runs before it allocates pixels.

use crate::error::{OcrError, Result};
use crate::limits::Limits;

use super::format::Format;

/// Worst-case decoded bytes per pixel we let a decoder allocate: 16-bit RGBA
/// (8 bytes), plus the same again for the 8-bit RGB copy made afterwards.
const MAX_BYTES_PER_PIXEL: u64 = 8 + 3;

/// Headroom for decoder state (row buffers, Huffman tables...), in bytes.
const DECODER_SLACK_BYTES: u64 = 64 * 1024 * 1024;

/// Refuse the whole input when it is larger than `max_input_bytes`.
pub(crate) fn check_input_size(len: usize, limits: &Limits) -> Result<()> {
    let len = len as u64;
    if len > limits.max_input_bytes {
        return Err(OcrError::Limits {
            page: None,
            what: "input bytes",
            value: len,
            limit: limits.max_input_bytes,
        });
    }
    Ok(())
}

/// Refuse a document with more than `max_pages` pages (`count` may be a
/// lower bound when counting stopped early).
pub(crate) fn check_page_count(count: usize, limits: &Limits) -> Result<()> {
    if count > limits.max_pages {
        return Err(OcrError::Limits {
            page: None,
            what: "pages",
            value: count as u64,
            limit: limits.max_pages as u64,
        });
    }
    Ok(())
}

/// Refuse a page whose stored size (from its header, before any pixel is
/// allocated) exceeds `max_source_pixels`, or that is empty.
pub(crate) fn check_source_size(
    format: Format,
    page: usize,
    width: u32,
    height: u32,
    limits: &Limits,
) -> Result<()> {
    if width == 0 || height == 0 {
        return Err(OcrError::Decode {
            format: format.name(),
            page: Some(page),
            detail: format!("the image is empty ({width} x {height} pixels)"),
        });
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.max_source_pixels {
        return Err(OcrError::Limits {
            page: Some(page),
            what: "pixels",
            value: pixels,
            limit: limits.max_source_pixels,
        });
    }
    Ok(())
}

/// Allocation cap for a decoder of an image within `max_source_pixels`, in
/// bytes.
pub(crate) fn max_alloc_bytes(limits: &Limits) -> u64 {
    limits
        .max_source_pixels
        .saturating_mul(MAX_BYTES_PER_PIXEL)
        .saturating_add(DECODER_SLACK_BYTES)
}

/// The same caps in the `image` crate's terms, handed to its decoders as a
/// second line of defence.
pub(crate) fn image_limits(limits: &Limits) -> image::Limits {
    let mut image_limits = image::Limits::default();
    image_limits.max_alloc = Some(max_alloc_bytes(limits));
    image_limits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_size_refuses_empty_and_huge() {
        let limits = Limits {
            max_source_pixels: 100,
            ..Limits::default()
        };
        assert!(check_source_size(Format::Png, 0, 10, 10, &limits).is_ok());
        let err = check_source_size(Format::Png, 2, 11, 10, &limits).unwrap_err();
        assert_eq!(
            err,
            OcrError::Limits {
                page: Some(2),
                what: "pixels",
                value: 110,
                limit: 100
            }
        );
        assert!(matches!(
            check_source_size(Format::Png, 0, 0, 10, &limits),
            Err(OcrError::Decode { page: Some(0), .. })
        ));
    }

    #[test]
    fn input_and_page_counts() {
        let limits = Limits {
            max_input_bytes: 10,
            max_pages: 2,
            ..Limits::default()
        };
        assert!(check_input_size(10, &limits).is_ok());
        assert!(matches!(
            check_input_size(11, &limits),
            Err(OcrError::Limits {
                what: "input bytes",
                value: 11,
                limit: 10,
                ..
            })
        ));
        assert!(check_page_count(2, &limits).is_ok());
        assert!(matches!(
            check_page_count(3, &limits),
            Err(OcrError::Limits {
                what: "pages",
                value: 3,
                limit: 2,
                ..
            })
        ));
    }
}
