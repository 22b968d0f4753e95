//! JSON Schemas of the data files, generated from the Rust types, for
//! editors and for anyone writing templates or registers by hand.

use schemars::{schema_for, JsonSchema, Schema};
use serde_json::{json, Value};

use crate::declaration::Declaration;
use crate::registry::{Admitted, Establishment, Signatory, TemplateVersion};
use crate::rules::RuleBook;
use crate::template::Template;

/// Every schema as `(file name under web/schema/, pretty JSON with a final newline)`.
pub fn json_schemas() -> Vec<(&'static str, String)> {
    vec![
        ("template.schema.json", object_schema::<Template>()),
        ("rules.schema.json", object_schema::<RuleBook>()),
        ("declaration.schema.json", object_schema::<Declaration>()),
        (
            "signatories.schema.json",
            pretty(schema_for!(Vec<Signatory>)),
        ),
        (
            "establishments.schema.json",
            pretty(schema_for!(Vec<Establishment>)),
        ),
        ("admitted.schema.json", pretty(schema_for!(Vec<Admitted>))),
        (
            "template-versions.schema.json",
            pretty(schema_for!(Vec<TemplateVersion>)),
        ),
    ]
}

/// The schema of a top-level object, which may name its schema with a
/// `"$schema"` key (the loaders drop it before parsing).
fn object_schema<T: JsonSchema>() -> String {
    let mut schema = schema_for!(T);
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.insert(
            "$schema".into(),
            json!({"description": "Path or URL of this file's JSON Schema (editor hint).", "type": "string"}),
        );
    }
    pretty(schema)
}

fn pretty(schema: Schema) -> String {
    // Serialising a JSON value cannot fail.
    let mut text = serde_json::to_string_pretty(schema.as_value()).unwrap_or_default();
    text.push('\n');
    text
}
