//! The two settings files: Cargo.toml's [[workspace.metadata.leptos]] (the build settings of cargo-leptos and of
//! scripts/build-site.sh) and Leptos.toml (the server's runtime settings) must agree wherever they name the same key.

fn read(path: &str) -> toml::Table {
    let path = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap().parse().unwrap()
}

fn build_settings() -> toml::Table {
    read("Cargo.toml")["workspace"]["metadata"]["leptos"]
        .as_array()
        .unwrap()[0]
        .as_table()
        .unwrap()
        .clone()
}

#[test]
fn leptos_toml_and_cargo_toml_agree_on_shared_keys() {
    let build = build_settings();
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

/// scripts/build-site.sh builds what cargo-leptos would from the same settings: it names each as
/// `variable=value  # key`.
#[test]
fn build_site_uses_cargo_tomls_build_settings() {
    let build = build_settings();
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/build-site.sh")).unwrap();
    let mut checked = Vec::new();
    for line in script.lines() {
        let Some((assignment, key)) = line.split_once("# ") else {
            continue;
        };
        let (Some((_, value)), Some(expected)) = (assignment.trim().split_once('='), build.get(key.trim())) else {
            continue;
        };
        assert_eq!(
            expected.as_str(),
            Some(value),
            "{key} differs between Cargo.toml and scripts/build-site.sh"
        );
        checked.push(key.trim());
    }
    let all = [
        "output-name",
        "site-root",
        "site-pkg-dir",
        "style-file",
        "assets-dir",
        "lib-package",
        "bin-package",
        "bin-target",
        "browserquery",
        "lib-profile-release",
    ];
    assert_eq!(checked, all, "scripts/build-site.sh names each build setting once");
}
