//! The worker's entry point (see `web::worker`).

fn main() {
    web::worker::start();
}
