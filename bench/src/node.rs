//! The node under test: a fresh `fxchain-node --dev --tmp` per workload on free loopback ports,
//! or one already running; and its CPU time and peak memory from `/proc`.

use crate::{rpc, stats};
use anyhow::{anyhow, bail, Context, Result};
use std::{
	fs::File,
	net::TcpListener,
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

/// The node the benchmark talks to.
pub struct Node {
	pub url: String,
	/// For CPU time and memory; `None` when connected to a node of unknown process.
	pub pid: Option<u32>,
	pub log: Option<PathBuf>,
	child: Option<Child>,
}

/// A TCP port free on 127.0.0.1 right now.
fn free_port() -> Result<u16> {
	Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl Node {
	/// A node someone else runs.
	pub fn existing(url: String, pid: Option<u32>) -> Self {
		Self { url, pid, log: None, child: None }
	}

	/// Start `binary --dev --tmp` with RPC and p2p on free loopback ports, its output to `log`,
	/// and wait until its RPC answers.
	pub async fn spawn(binary: &Path, log: &Path) -> Result<Self> {
		if !binary.exists() {
			bail!(
				"fxchain-node not found at {}: build it, or set FXCHAIN_NODE or --node",
				binary.display()
			);
		}
		let (rpc_port, p2p_port) = (free_port()?, free_port()?);
		let out = File::create(log).with_context(|| format!("creating {}", log.display()))?;
		let err = out.try_clone()?;
		let mut command = Command::new(binary);
		command
			.args(["--dev", "--tmp", "--no-telemetry", "--no-mdns", "--no-prometheus"])
			.args(["--rpc-port", &rpc_port.to_string()])
			// `--listen-addr` rather than `--port`: p2p on loopback only, as the e2e tests do.
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p_port}")])
			// Room for every pre-signed transaction the load can leave waiting (the default
			// ready queue of 8,192 would evict the oldest), and for blocks full of them and
			// their events over RPC.
			.args(["--pool-limit", "500000", "--pool-kbytes", "2000000"])
			.args(["--rpc-max-response-size", "256", "--rpc-max-request-size", "64"])
			.args(["--rpc-message-buffer-capacity-per-connection", "4096"])
			.args(["--rpc-max-subscriptions-per-connection", "64"])
			.stdin(Stdio::null())
			.stdout(out)
			.stderr(err);
		// SAFETY: `prctl` is async-signal-safe and the closure allocates nothing. The node dies
		// with the benchmark even when the benchmark is killed outright.
		unsafe {
			command.pre_exec(|| {
				libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
				Ok(())
			});
		}
		let child = command.spawn().with_context(|| format!("starting {}", binary.display()))?;
		let mut node = Self {
			url: format!("ws://127.0.0.1:{rpc_port}"),
			pid: Some(child.id()),
			log: Some(log.to_path_buf()),
			child: Some(child),
		};
		node.wait_for_rpc(Duration::from_secs(60)).await?;
		Ok(node)
	}

	async fn wait_for_rpc(&mut self, timeout: Duration) -> Result<()> {
		let deadline = Instant::now() + timeout;
		loop {
			if let Some(child) = self.child.as_mut() {
				if let Some(status) = child.try_wait()? {
					bail!("fxchain-node exited during start-up ({status}):\n{}", self.log_tail(30));
				}
			}
			if rpc::connect(&self.url, 4).await.is_ok() {
				return Ok(());
			}
			if Instant::now() > deadline {
				bail!("fxchain-node's RPC did not answer at {}:\n{}", self.url, self.log_tail(30));
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// The last `lines` lines of the node's log.
	pub fn log_tail(&self, lines: usize) -> String {
		let Some(text) = self.log.as_ref().and_then(|log| std::fs::read_to_string(log).ok()) else {
			return String::new();
		};
		let all: Vec<&str> = text.lines().collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}

	/// Whether the node we started is still running.
	pub fn check_alive(&mut self) -> Result<()> {
		if let Some(child) = self.child.as_mut() {
			if let Some(status) = child.try_wait()? {
				return Err(anyhow!("fxchain-node exited ({status}):\n{}", self.log_tail(30)));
			}
		}
		Ok(())
	}

	/// Stop the node we started: SIGTERM, then SIGKILL after 10 s. Nothing for a node we did
	/// not start.
	pub fn stop(&mut self) {
		let Some(mut child) = self.child.take() else { return };
		if let Ok(pid) = i32::try_from(child.id()) {
			// SAFETY: plain syscall on our own child's pid, which we have not reaped yet.
			unsafe {
				libc::kill(pid, libc::SIGTERM);
			}
		}
		let deadline = Instant::now() + Duration::from_secs(10);
		while Instant::now() < deadline {
			if let Ok(Some(_)) = child.try_wait() {
				return;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = child.kill();
		let _ = child.wait();
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		self.stop();
	}
}

/// Clock ticks per second of `/proc/<pid>/stat`'s times.
pub fn ticks_per_second() -> u64 {
	// SAFETY: `sysconf` only reads a configuration value.
	let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
	u64::try_from(ticks).ok().filter(|t| *t > 0).unwrap_or(100)
}

/// A process's CPU time so far (user + system, clock ticks).
pub fn cpu_ticks(pid: u32) -> Option<u64> {
	stats::parse_stat_ticks(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
}

/// A process's peak resident set size (KiB).
pub fn peak_rss_kib(pid: u32) -> Option<u64> {
	stats::parse_vm_hwm(&std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?)
}
