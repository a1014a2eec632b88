//! How the web view is set up on Linux, where WebKitGTK's defaults suit a browser, not a forms
//! app that lives for hours beside other office software.

use tauri::{Manager, Runtime};

/// JavaScriptCore options for the window's web process, as `JSC_<option>` variables: WebKit
/// starts the web process with this process's environment and JavaScriptCore reads them as it
/// starts. An option already set (someone tuning or debugging) is left as it is.
///
/// - `aggressiveHeapThresholdInMB`: on a machine with 16 GB of RAM or more JavaScriptCore lets
///   its heap grow to about four times what survived the last collection before collecting
///   again, against about twice below 16 GB. Raising the threshold past any real machine gives
///   every machine the smaller growth. After five rounds of staff list, sort, employee file and
///   home, the web process held 290–345 MB PSS with the larger growth and 250–275 MB without,
///   and the screens' times stayed within the runs' spread (README, "Performance", B6).
/// - `largeHeapSize` and `smallHeapGrowthFactor`: a page's heap first collects once 32 MB are
///   allocated, then each time it has doubled what survived; what is dead by then stays in
///   memory until the next collection. Home, signed in on the 100,000-person company, keeps
///   about 14 MB of live objects: collecting after 4 MB and then at 1.3 times the survivors took
///   the app's memory over the blank shell's from 73 to 56 MB, and after the five rounds from
///   276 to 242 MB; the rounds' clicks took 5–10 % longer (median), within the runs' spread.
///   2 MB and 1.15 saved nothing more and slowed the clicks by about 20 %.
const JSC_OPTIONS: &[(&str, &str)] = &[
    ("JSC_aggressiveHeapThresholdInMB", "1048576"),
    ("JSC_largeHeapSize", "4194304"),
    ("JSC_smallHeapGrowthFactor", "1.3"),
];

/// Sets [`JSC_OPTIONS`]. Must run before any other thread exists (the environment is not
/// thread-safe) and before the web view is created.
pub fn set_engine_options() {
    for (name, value) in JSC_OPTIONS {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}

/// Tunes the main window's web view once it exists.
///
/// - Software rendering (`HardwareAccelerationPolicy::Never`): the screens are forms and tables
///   without animation, and the GPU path makes the web process load the GL stack (on machines
///   without a GPU driver, Mesa's llvmpipe and LLVM itself) and keep GPU-sized buffers.
/// - The document-viewer cache model: every page comes from the app bundle, so WebKit's memory
///   and disk caches for remote pages only cost memory.
pub fn tune<R: Runtime>(app: &tauri::App<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
}
