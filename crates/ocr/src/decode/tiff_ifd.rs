//! A minimal reader of raw TIFF directories: entry positions and inline
//! SHORT/LONG values, nothing else.
//!
//! Two jobs need the directory bytes themselves rather than the `tiff`
//! crate's parsed view: rewriting one tag value in place (palette pages, see
//! [`super::tiff_palette`]) and checking a few sizes before `tiff` parses a
//! directory, because `tiff` 0.11 multiplies the strip count by the sample
//! count unchecked and overflows on hostile values (a panic in debug builds).

use tiff::tags::ByteOrder;

/// Field type codes of inline integers.
const SHORT: u16 = 3;
const LONG: u16 = 4;

/// Tag numbers read here.
const IMAGE_LENGTH: u16 = 257;
const SAMPLES_PER_PIXEL: u16 = 277;
const ROWS_PER_STRIP: u16 = 278;
const PLANAR_CONFIGURATION: u16 = 284;

/// One directory of a TIFF file, as bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawIfd<'a> {
    file: &'a [u8],
    order: ByteOrder,
    big: bool,
    /// Offset of the first entry.
    first_entry: usize,
    /// Number of entries.
    count: usize,
}

/// Byte order, BigTIFF flag and first directory offset from the header.
pub(crate) fn header(file: &[u8]) -> Option<(ByteOrder, bool, u64)> {
    let order = match file.get(..2)? {
        b"II" => ByteOrder::LittleEndian,
        b"MM" => ByteOrder::BigEndian,
        _ => return None,
    };
    let big = read_uint(file, order, 2, 2)? == 43;
    let first = if big {
        read_uint(file, order, 8, 8)?
    } else {
        read_uint(file, order, 4, 4)?
    };
    Some((order, big, first))
}

impl<'a> RawIfd<'a> {
    /// The directory at byte `offset`, if its entry table lies in the file.
    pub(crate) fn at(file: &'a [u8], order: ByteOrder, big: bool, offset: u64) -> Option<Self> {
        let offset = usize::try_from(offset).ok()?;
        let (count, first_entry) = if big {
            (read_uint(file, order, offset, 8)?, offset.checked_add(8)?)
        } else {
            (read_uint(file, order, offset, 2)?, offset.checked_add(2)?)
        };
        let count = usize::try_from(count).ok()?;
        let ifd = RawIfd {
            file,
            order,
            big,
            first_entry,
            count,
        };
        // The whole table and the next-directory pointer must be present.
        file.get(
            ifd.entry_offset(count)?..ifd.entry_offset(count)?.checked_add(ifd.pointer_len())?,
        )?;
        Some(ifd)
    }

    /// Byte offset of the value field of the entry for `tag`, with the
    /// entry's field type.
    pub(crate) fn value_field(&self, tag: u16) -> Option<(usize, u16)> {
        (0..self.count).find_map(|index| {
            let entry = self.entry_offset(index)?;
            if read_uint(self.file, self.order, entry, 2)? != u64::from(tag) {
                return None;
            }
            let field_type = u16::try_from(read_uint(self.file, self.order, entry + 2, 2)?).ok()?;
            let value_at = if self.big { entry + 12 } else { entry + 8 };
            Some((value_at, field_type))
        })
    }

    /// An inline SHORT or LONG value of `tag`.
    pub(crate) fn value(&self, tag: u16) -> Option<u32> {
        let (at, field_type) = self.value_field(tag)?;
        let width = match field_type {
            SHORT => 2,
            LONG => 4,
            _ => return None,
        };
        u32::try_from(read_uint(self.file, self.order, at, width)?).ok()
    }

    /// Offset of the next directory, 0 at the end of the chain.
    pub(crate) fn next(&self) -> Option<u64> {
        read_uint(
            self.file,
            self.order,
            self.entry_offset(self.count)?,
            self.pointer_len(),
        )
    }

    fn entry_offset(&self, index: usize) -> Option<usize> {
        let entry_len = if self.big { 20 } else { 12 };
        self.first_entry.checked_add(index.checked_mul(entry_len)?)
    }

    fn pointer_len(&self) -> usize {
        if self.big {
            8
        } else {
            4
        }
    }
}

/// Check the directories the `tiff` crate would overflow on: a planar page
/// whose strip count times sample count exceeds 32 bits. Walks at most
/// `max_directories`; stops quietly where the chain cannot be read (the
/// `tiff` crate then reports the damage itself). `Err` names the directory.
pub(crate) fn check_strip_tables(file: &[u8], max_directories: usize) -> Result<(), String> {
    let Some((order, big, mut offset)) = header(file) else {
        return Ok(());
    };
    for index in 0..max_directories {
        let Some(ifd) = RawIfd::at(file, order, big, offset) else {
            return Ok(());
        };

        // Strips per plane times planes, as `tiff` computes it in 32 bits.
        if ifd.value(PLANAR_CONFIGURATION) == Some(2) {
            let height = u64::from(ifd.value(IMAGE_LENGTH).unwrap_or(0));
            let rows = u64::from(ifd.value(ROWS_PER_STRIP).map_or(height as u32, |r| r));
            let samples = u64::from(ifd.value(SAMPLES_PER_PIXEL).unwrap_or(1));
            if rows > 0 && (height.saturating_sub(1) / rows + 1) * samples > u64::from(u32::MAX) {
                return Err(format!(
                    "directory {index}: {samples} planes of {height} rows in strips of {rows} rows"
                ));
            }
        }

        match ifd.next() {
            Some(next) if next != 0 && next != offset => offset = next,
            _ => return Ok(()),
        }
    }
    Ok(())
}

/// An unsigned integer of `width` bytes (2, 4 or 8) at `at`.
fn read_uint(file: &[u8], order: ByteOrder, at: usize, width: usize) -> Option<u64> {
    let bytes = file.get(at..at.checked_add(width)?)?;
    let mut value = 0u64;
    for i in 0..width {
        let byte = match order {
            ByteOrder::LittleEndian => bytes[width - 1 - i],
            ByteOrder::BigEndian => bytes[i],
        };
        value = (value << 8) | u64::from(byte);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Little-endian header + one directory at 8 with the given LONG entries.
    fn file(entries: &[(u16, u32)]) -> Vec<u8> {
        let mut bytes = b"II\x2a\0\x08\0\0\0".to_vec();
        bytes.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for &(tag, value) in entries {
            bytes.extend_from_slice(&tag.to_le_bytes());
            bytes.extend_from_slice(&LONG.to_le_bytes());
            bytes.extend_from_slice(&1u32.to_le_bytes());
            bytes.extend_from_slice(&value.to_le_bytes());
        }
        bytes.extend_from_slice(&[0; 4]);
        bytes
    }

    #[test]
    fn reads_inline_values_and_the_chain_end() {
        let bytes = file(&[(262, 3), (277, 1)]);
        let (order, big, first) = header(&bytes).unwrap();
        let ifd = RawIfd::at(&bytes, order, big, first).unwrap();
        assert_eq!(ifd.value(262), Some(3));
        assert_eq!(ifd.value(277), Some(1));
        assert_eq!(ifd.value(258), None);
        assert_eq!(ifd.next(), Some(0));
        assert!(RawIfd::at(&bytes[..20], order, big, first).is_none());
    }

    #[test]
    fn refuses_strip_tables_that_overflow() {
        let fine = file(&[(257, 1000), (278, 1), (277, 3), (284, 2)]);
        assert!(check_strip_tables(&fine, 8).is_ok());
        let hostile = file(&[(257, 100_000), (278, 1), (277, 65535), (284, 2)]);
        assert!(check_strip_tables(&hostile, 8).is_err());
        let chunky = file(&[(257, 100_000), (278, 1), (277, 65535), (284, 1)]);
        assert!(check_strip_tables(&chunky, 8).is_ok());
    }
}
