//! The page's entry point (see `web::app`).

fn main() {
    web::app::start();
}
