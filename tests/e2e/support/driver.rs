//! The tauri-driver process, which starts WebKitWebDriver, which starts the app.
//!
//! All three share one process group of their own: killing tauri-driver alone leaves
//! WebKitWebDriver and the app running, and the next run then fails with "Maximum number of
//! active sessions".

use super::webdriver::server_ready;
use std::fs::File;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

const READY_TIMEOUT: Duration = Duration::from_secs(20);
const TERM_GRACE: Duration = Duration::from_secs(3);

pub struct DriverProcess {
    child: Child,
    /// `http://127.0.0.1:<port>`
    pub url: String,
}

impl DriverProcess {
    /// Starts tauri-driver on free ports with `env` added (WebKitWebDriver and the app inherit
    /// it) and its output appended to `log`, and waits until it answers `/status`.
    pub fn start(log: &Path, env: &[(String, String)]) -> DriverProcess {
        let binary = tauri_driver();
        // A port picked free can be taken before tauri-driver binds it: try again on new ones.
        let mut last_error = String::new();
        for _ in 0..3 {
            let (port, native_port) = free_ports();
            let out = File::options()
                .create(true)
                .append(true)
                .open(log)
                .unwrap_or_else(|e| panic!("cannot open the driver log {}: {e}", log.display()));
            let err = out.try_clone().expect("cannot share the driver log handle");
            let child = Command::new(&binary)
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                // A dconf warning per GTK dialog otherwise, and no dconf daemon to save into.
                .env("GSETTINGS_BACKEND", "memory")
                // Either variable makes WebKitWebDriver screenshots hang forever.
                .env_remove("WEBKIT_DISABLE_DMABUF_RENDERER")
                .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
                .envs(env.iter().map(|(k, v)| (k, v)))
                .stdin(Stdio::null())
                .stdout(out)
                .stderr(err)
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
            let mut driver = DriverProcess {
                child,
                url: format!("http://127.0.0.1:{port}"),
            };
            match driver.wait_ready() {
                Ok(()) => return driver,
                Err(e) => last_error = e,
            }
        }
        panic!(
            "tauri-driver did not start: {last_error}; see {}",
            log.display()
        );
    }

    fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + READY_TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("it exited with {status}"));
            }
            if server_ready(&self.url, Duration::from_secs(2)) {
                return Ok(());
            }
            sleep(Duration::from_millis(50));
        }
        Err(format!(
            "no answer on {} within {READY_TIMEOUT:?}",
            self.url
        ))
    }

    /// SIGTERM to the whole group, then SIGKILL to whatever is left after a short grace.
    fn stop(&mut self) {
        let pgid = self.child.id() as libc::pid_t;
        signal_group(pgid, libc::SIGTERM);
        let deadline = Instant::now() + TERM_GRACE;
        while group_alive(pgid) && Instant::now() < deadline {
            // Reap our own child, or its zombie keeps the group alive.
            let _ = self.child.try_wait();
            sleep(Duration::from_millis(25));
        }
        if group_alive(pgid) {
            signal_group(pgid, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

fn signal_group(pgid: libc::pid_t, signal: libc::c_int) {
    // SAFETY: kill(2) with a negative pid only sends a signal to that process group.
    unsafe {
        libc::kill(-pgid, signal);
    }
}

fn group_alive(pgid: libc::pid_t) -> bool {
    // SAFETY: signal 0 only checks that the group still has a member.
    unsafe { libc::kill(-pgid, 0) == 0 }
}

/// Two distinct ports the OS considers free right now.
fn free_ports() -> (u16, u16) {
    let a = TcpListener::bind("127.0.0.1:0").expect("cannot bind a local port");
    let b = TcpListener::bind("127.0.0.1:0").expect("cannot bind a local port");
    let port = |l: &TcpListener| l.local_addr().expect("bound socket has an address").port();
    (port(&a), port(&b))
}

/// tauri-driver from PATH, else from where `cargo install` puts it.
fn tauri_driver() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(cargo_home.map(|h| h.join("bin")))
        .map(|dir| dir.join("tauri-driver"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("tauri-driver not found in PATH or ~/.cargo/bin: run scripts/setup.sh")
        })
}
