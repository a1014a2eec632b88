//! How to start the app: the environment it sees and what its data directory holds beforehand.

use std::path::Path;

type Prepare = Box<dyn FnOnce(&Path)>;

/// Options for [`App::launch_with`](super::App::launch_with). The default is [`Launch::english`].
pub struct Launch {
    pub(super) env: Vec<(String, String)>,
    pub(super) prepare: Vec<Prepare>,
}

impl Default for Launch {
    fn default() -> Self {
        Launch::english()
    }
}

impl Launch {
    /// The system language is English, whatever the locale of the machine running the tests.
    pub fn english() -> Launch {
        Launch::system_language("en_GB")
    }

    /// The system language is Italian: a first start, before anyone saved a preference, speaks
    /// Italian.
    pub fn italian() -> Launch {
        Launch::system_language("it_IT")
    }

    /// `LANGUAGE` is the first variable the app's locale lookup reads, and unlike `LANG`/`LC_ALL`
    /// it needs no generated glibc locale (Debian images only have C.UTF-8).
    fn system_language(language: &str) -> Launch {
        Launch {
            env: vec![("LANGUAGE".to_owned(), language.to_owned())],
            prepare: Vec::new(),
        }
    }

    /// An environment variable for the app (set on the driver, which passes it down).
    pub fn env(mut self, key: &str, value: &str) -> Launch {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// The native file dialogs answer with `answers`, one per dialog in order: the test seam
    /// reads them from a file, written into `dir`.
    pub fn dialog_answers<P: AsRef<Path>>(self, dir: &Path, answers: &[P]) -> Launch {
        let file = dir.join("answers.txt");
        let lines: String = answers
            .iter()
            .map(|p| format!("{}\n", p.as_ref().display()))
            .collect();
        std::fs::write(&file, lines).expect("write the dialog answers");
        self.env("BACKOFFICE_TEST_DIALOGS", &file.to_string_lossy())
    }

    /// Runs `f` on the empty data directory before the app starts, e.g. to plant a file.
    pub fn prepare(mut self, f: impl FnOnce(&Path) + 'static) -> Launch {
        self.prepare.push(Box::new(f));
        self
    }
}
