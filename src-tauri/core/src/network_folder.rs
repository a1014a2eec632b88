//! Whether a folder is on a network file system. SQLite's locking is not reliable over NFS, SMB
//! or FUSE mounts such as sshfs (its own documentation warns against them): a data folder there
//! can be corrupted by two machines writing at once, or by a lock that one of them never sees.
//! The app warns instead of refusing, because the person may have no other disk; backups are the
//! place for a share.

use std::path::Path;

/// File system types that live on another machine (Linux names, as `/proc/self/mountinfo` gives
/// them; macOS's `f_fstypename`).
const NETWORK_TYPES: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "afpfs",
    "webdav",
    "davfs",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "coda",
    "sshfs",
];

/// Whether a file system type names a network file system (`fuse.sshfs` included).
pub fn is_network_type(fstype: &str) -> bool {
    let t = fstype.to_ascii_lowercase();
    let base = t.strip_prefix("fuse.").unwrap_or(&t);
    NETWORK_TYPES.contains(&base) || matches!(base, "rclone" | "s3fs" | "macfuse" | "osxfuse")
}

/// The network file system `path` is on, by its type's name; `None` on a local disk or when it
/// cannot be told.
pub fn network_file_system(path: &Path) -> Option<String> {
    let path = std::fs::canonicalize(path).ok()?;
    platform(&path)
}

#[cfg(target_os = "linux")]
fn platform(path: &Path) -> Option<String> {
    let table = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    mount_type(&table, path).filter(|t| is_network_type(t))
}

#[cfg(target_os = "macos")]
fn platform(path: &Path) -> Option<String> {
    use std::ffi::{CStr, CString};
    use std::os::unix::ffi::OsStrExt;
    let c = CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: `st` is written by statfs before it is read, and only on success.
    let name = unsafe {
        let mut st: libc::statfs = std::mem::zeroed();
        if libc::statfs(c.as_ptr(), &mut st) != 0 {
            return None;
        }
        CStr::from_ptr(st.f_fstypename.as_ptr())
            .to_string_lossy()
            .into_owned()
    };
    is_network_type(&name).then_some(name)
}

#[cfg(windows)]
fn platform(path: &Path) -> Option<String> {
    use std::os::windows::ffi::OsStrExt;
    use std::path::{Component, Prefix};
    #[link(name = "kernel32")]
    extern "system" {
        fn GetDriveTypeW(root: *const u16) -> u32;
    }
    const DRIVE_REMOTE: u32 = 4;
    match path.components().next()? {
        Component::Prefix(p) => match p.kind() {
            Prefix::UNC(..) | Prefix::VerbatimUNC(..) => Some("UNC".to_owned()),
            Prefix::Disk(letter) | Prefix::VerbatimDisk(letter) => {
                let root = format!("{}:\\", letter as char);
                let root: Vec<u16> = std::ffi::OsStr::new(&root)
                    .encode_wide()
                    .chain(Some(0))
                    .collect();
                // SAFETY: `root` is a NUL-terminated UTF-16 string that outlives the call.
                let kind = unsafe { GetDriveTypeW(root.as_ptr()) };
                (kind == DRIVE_REMOTE).then(|| "network drive".to_owned())
            }
            _ => None,
        },
        _ => None,
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn platform(_: &Path) -> Option<String> {
    None
}

/// The type of the mount `path` is on, from a `/proc/self/mountinfo` table: the longest mount
/// point that contains it. Mount points escape a space, tab, newline and backslash as octal.
pub fn mount_type(table: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for line in table.lines() {
        let mut halves = line.splitn(2, " - ");
        let (Some(left), Some(right)) = (halves.next(), halves.next()) else {
            continue;
        };
        let (Some(point), Some(fstype)) = (left.split(' ').nth(4), right.split(' ').next()) else {
            continue;
        };
        let point = unescape(point);
        if path.starts_with(&point) && best.is_none_or(|(len, _)| point.len() >= len) {
            best = Some((point.len(), fstype));
        }
    }
    best.map(|(_, t)| t.to_owned())
}

fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let octal = b
            .get(i + 1..i + 4)
            .filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
        match (b[i], octal) {
            (b'\\', Some(d)) => {
                out.push((d[0] - b'0') * 64 + (d[1] - b'0') * 8 + (d[2] - b'0'));
                i += 4;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
30 22 0:40 / /home rw,relatime shared:2 - ext4 /dev/sda2 rw
41 30 0:52 / /home/anna/Ufficio\\040condiviso rw,relatime shared:9 - cifs //nas/ufficio rw,vers=3.1.1
42 30 0:53 / /home/anna/remoto rw,nosuid shared:10 - fuse.sshfs anna@server:/dati rw
43 22 0:54 / /mnt/nfs rw shared:11 - nfs4 server:/export rw
";

    #[test]
    fn the_longest_mount_point_decides() {
        let t = |p: &str| mount_type(TABLE, Path::new(p));
        assert_eq!(t("/home/anna/dati").as_deref(), Some("ext4"));
        assert_eq!(
            t("/home/anna/Ufficio condiviso/backoffice").as_deref(),
            Some("cifs")
        );
        assert_eq!(t("/home/anna/remoto/bo").as_deref(), Some("fuse.sshfs"));
        assert_eq!(t("/mnt/nfs").as_deref(), Some("nfs4"));
        assert_eq!(t("/var/lib").as_deref(), Some("ext4"));
        // A sibling whose name only begins like a mount point is not on it.
        assert_eq!(t("/mnt/nfsother").as_deref(), Some("ext4"));
    }

    #[test]
    fn network_types() {
        for t in [
            "nfs",
            "nfs4",
            "cifs",
            "smb3",
            "fuse.sshfs",
            "9p",
            "smbfs",
            "afpfs",
        ] {
            assert!(is_network_type(t), "{t}");
        }
        for t in [
            "ext4",
            "btrfs",
            "xfs",
            "tmpfs",
            "apfs",
            "ntfs",
            "fuse.gvfsd-fuse",
            "overlay",
        ] {
            assert!(!is_network_type(t), "{t}");
        }
    }
}
