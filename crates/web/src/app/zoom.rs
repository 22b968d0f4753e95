//! Zoom levels of the page viewer: the page's width as a percentage of the
//! viewer's width. Each level has a CSS class (`zoom-150`) in style.css,
//! because the Content-Security-Policy forbids inline styles.

/// The levels, in percent of the viewer's width; index [`FIT`] is 100 %.
pub const LEVELS: [u32; 9] = [50, 75, 100, 125, 150, 200, 250, 300, 400];

/// The index of 100 % (the page fits the viewer's width).
pub const FIT: usize = 2;

/// The next level up from index `i` (stays at the top).
pub fn zoom_in(i: usize) -> usize {
    (i + 1).min(LEVELS.len() - 1)
}

/// The next level down from index `i` (stays at the bottom).
pub fn zoom_out(i: usize) -> usize {
    i.saturating_sub(1).min(LEVELS.len() - 1)
}

/// The percentage of level `i` (100 for an index out of range).
pub fn percent(i: usize) -> u32 {
    LEVELS.get(i).copied().unwrap_or(100)
}
