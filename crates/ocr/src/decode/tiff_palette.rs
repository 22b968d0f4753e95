//! Palette ("RGB palette", PhotometricInterpretation 3) TIFF pages.
//!
//! The `tiff` crate refuses palette pages outright, although it decodes their
//! index samples fine when they are labelled gray. So a copy of the file gets
//! that one tag value rewritten to BlackIsZero, `tiff` decodes the indices,
//! and the ColorMap (read from the original) turns them into colours. The tag
//! rewrite touches two to four bytes inside the page's directory entry
//! (found with [`super::tiff_ifd`]).

use image::RgbImage;
use tiff::decoder::ifd::Value;
use tiff::tags::{ByteOrder, IfdPointer};

use super::tiff_ifd::{self, RawIfd};

/// Tag number of PhotometricInterpretation.
const PHOTOMETRIC_TAG: u16 = 262;

/// PhotometricInterpretation value of a palette page.
pub(crate) const PALETTE: u16 = 3;

/// PhotometricInterpretation value the copy gets: BlackIsZero gray.
const BLACK_IS_ZERO: u16 = 1;

/// Field type codes of the tag's value: SHORT (3) or LONG (4).
const SHORT: u16 = 3;
const LONG: u16 = 4;

/// A copy of `file` in which the directory at `ifd` says BlackIsZero instead
/// of palette; `None` when the directory cannot be read or the entry is not
/// an inline SHORT or LONG.
pub(crate) fn relabel_as_gray(file: &[u8], ifd: IfdPointer, order: ByteOrder) -> Option<Vec<u8>> {
    let (_, big, _) = tiff_ifd::header(file)?;
    let directory = RawIfd::at(file, order, big, ifd.0)?;
    let (at, field_type) = directory.value_field(PHOTOMETRIC_TAG)?;
    let bytes: Vec<u8> = match (field_type, order) {
        (SHORT, ByteOrder::LittleEndian) => BLACK_IS_ZERO.to_le_bytes().to_vec(),
        (SHORT, ByteOrder::BigEndian) => BLACK_IS_ZERO.to_be_bytes().to_vec(),
        (LONG, ByteOrder::LittleEndian) => u32::from(BLACK_IS_ZERO).to_le_bytes().to_vec(),
        (LONG, ByteOrder::BigEndian) => u32::from(BLACK_IS_ZERO).to_be_bytes().to_vec(),
        _ => return None,
    };
    let mut copy = file.to_vec();
    copy.get_mut(at..at.checked_add(bytes.len())?)?
        .copy_from_slice(&bytes);
    Some(copy)
}

/// The ColorMap tag as 8-bit RGB triples, one per index, for `bits`-deep
/// indices; `Err` when its length does not match.
pub(crate) fn palette(color_map: Value, bits: u8) -> Result<Vec<[u8; 3]>, String> {
    let values = color_map
        .into_u16_vec()
        .map_err(|e| format!("unreadable ColorMap: {e}"))?;
    let entries = 1usize << bits;
    if values.len() != 3 * entries {
        return Err(format!(
            "ColorMap has {} values, {} expected for {bits}-bit indices",
            values.len(),
            3 * entries
        ));
    }
    let eight = |v: u16| ((u32::from(v) * 255 + 32767) / 65535) as u8;
    Ok((0..entries)
        .map(|i| {
            [
                eight(values[i]),
                eight(values[entries + i]),
                eight(values[2 * entries + i]),
            ]
        })
        .collect())
}

/// Colour `indices` (one per pixel, row-major) through `palette`.
pub(crate) fn apply(
    indices: impl IntoIterator<Item = usize>,
    palette: &[[u8; 3]],
    width: u32,
    height: u32,
) -> RgbImage {
    let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
    for index in indices {
        let colour = palette.get(index).copied().unwrap_or([0, 0, 0]);
        rgb.extend_from_slice(&colour);
    }
    RgbImage::from_raw(width, height, rgb).unwrap_or_else(|| RgbImage::new(width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relabels_short_entry_little_endian() {
        // Header, IFD at 8 with one entry: 262 SHORT 1 value 3.
        let mut file = b"II\x2a\0\x08\0\0\0\x01\0".to_vec();
        file.extend_from_slice(&[0x06, 0x01, 3, 0, 1, 0, 0, 0, 3, 0, 0, 0]);
        file.extend_from_slice(&[0, 0, 0, 0]);
        let copy = relabel_as_gray(&file, IfdPointer(8), ByteOrder::LittleEndian).unwrap();
        assert_eq!(copy[18], 1);
        assert_eq!(copy.len(), file.len());
        assert!(relabel_as_gray(&file[..12], IfdPointer(8), ByteOrder::LittleEndian).is_none());
    }

    #[test]
    fn palette_needs_the_right_length() {
        let map = Value::List(
            [0u16, 65535, 0, 65535, 0, 0]
                .iter()
                .map(|&v| Value::Short(v))
                .collect(),
        );
        let colours = palette(map, 1).unwrap();
        assert_eq!(colours, vec![[0, 0, 0], [255, 255, 0]]);
        assert!(palette(Value::List(vec![Value::Short(0)]), 1).is_err());
        let rgb = apply([1, 0, 7], &colours, 3, 1);
        assert_eq!(rgb.as_raw(), &[255, 255, 0, 0, 0, 0, 0, 0, 0]);
    }
}
