//! The two settings files: Cargo.toml's [[workspace.metadata.leptos]] (cargo-leptos's build settings) and
//! Leptos.toml (the server's runtime settings) must agree wherever they name the same key.

fn read(path: &str) -> toml::Table {
    let path = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap().parse().unwrap()
}

#[test]
fn leptos_toml_and_cargo_toml_agree_on_shared_keys() {
    let cargo = read("Cargo.toml");
    let build = cargo["workspace"]["metadata"]["leptos"].as_array().unwrap()[0]
        .as_table()
        .unwrap()
        .clone();
    let runtime = read("Leptos.toml")["package"]["metadata"]["leptos"]
        .as_table()
        .unwrap()
        .clone();
    let shared: Vec<&String> = runtime.keys().filter(|key| build.contains_key(*key)).collect();
    assert!(shared.len() >= 4, "the files share the site keys: {shared:?}");
    for key in shared {
        assert_eq!(
            build[key], runtime[key],
            "{key} differs between Cargo.toml and Leptos.toml"
        );
    }
}

#[test]
fn the_server_reads_leptos_toml_as_its_runtime_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../Leptos.toml");
    let options = leptos_config::get_configuration(Some(path)).unwrap().leptos_options;
    assert_eq!(&*options.output_name, "uraia");
    assert_eq!(options.site_addr.to_string(), "127.0.0.1:3000");
}
