//! The node's JSON-RPC over WebSocket (jsonrpsee): the handful of methods the benchmark uses,
//! typed. One connection for queries and subscriptions, a few more for submissions.

use anyhow::{anyhow, Context, Result};
use codec::{Decode, Encode};
use fxchain_runtime::{Header, UncheckedExtrinsic};
use jsonrpsee::{
	core::client::{ClientT, Error as ClientError, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde::Deserialize;
use sp_core::{Bytes, H256};
use std::{sync::Arc, time::Duration};

/// Blocks full of transactions and their events come back as megabytes of hex.
const MAX_MESSAGE: u32 = 256 * 1024 * 1024;

pub async fn connect(url: &str, max_concurrent: usize) -> Result<WsClient, ClientError> {
	WsClientBuilder::default()
		.max_request_size(MAX_MESSAGE)
		.max_response_size(MAX_MESSAGE)
		.max_concurrent_requests(max_concurrent)
		.max_buffer_capacity_per_subscription(16 * 1024)
		.request_timeout(Duration::from_secs(60))
		.connection_timeout(Duration::from_secs(5))
		.build(url)
		.await
}

#[derive(Clone)]
pub struct Rpc {
	pub main: Arc<WsClient>,
	submitters: Vec<Arc<WsClient>>,
}

/// `state_getRuntimeVersion`'s fields the benchmark checks.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeVersion {
	pub spec_name: String,
	pub spec_version: u32,
	pub transaction_version: u32,
}

#[derive(Deserialize)]
struct SignedBlockJson {
	block: BlockJson,
}

#[derive(Deserialize)]
struct BlockJson {
	header: Header,
	extrinsics: Vec<Bytes>,
}

/// A block as the node serves it: the header, and every extrinsic's encoding.
pub struct RawBlock {
	pub header: Header,
	pub extrinsics: Vec<Bytes>,
}

/// A JSON-RPC error of a submission, as the node gave it.
pub fn describe_error(err: &ClientError) -> (Option<i32>, String) {
	match err {
		ClientError::Call(call) => {
			let data = call.data().map(|d| format!(": {}", d.get())).unwrap_or_default();
			(Some(call.code()), format!("{} {}{data}", call.code(), call.message()))
		},
		other => (None, other.to_string()),
	}
}

impl Rpc {
	pub async fn connect(url: &str, submitters: usize) -> Result<Self> {
		let main =
			Arc::new(connect(url, 1024).await.with_context(|| format!("connecting to {url}"))?);
		let mut pool = Vec::new();
		for _ in 0..submitters.max(1) {
			pool.push(Arc::new(
				connect(url, 1024).await.with_context(|| format!("connecting to {url}"))?,
			));
		}
		Ok(Self { main, submitters: pool })
	}

	pub fn submitters(&self) -> &[Arc<WsClient>] {
		&self.submitters
	}

	pub async fn runtime_version(&self) -> Result<RuntimeVersion> {
		Ok(self.main.request("state_getRuntimeVersion", rpc_params![]).await?)
	}

	pub async fn block_hash(&self, number: u32) -> Result<Option<H256>> {
		Ok(self.main.request("chain_getBlockHash", rpc_params![number]).await?)
	}

	pub async fn genesis_hash(&self) -> Result<H256> {
		self.block_hash(0).await?.ok_or_else(|| anyhow!("the node has no block 0"))
	}

	/// The best block's header (or the given block's).
	pub async fn header(&self, at: Option<H256>) -> Result<Header> {
		let header: Option<Header> = self.main.request("chain_getHeader", rpc_params![at]).await?;
		header.ok_or_else(|| anyhow!("no header for {at:?}"))
	}

	pub async fn block(&self, hash: H256) -> Result<RawBlock> {
		let block: Option<SignedBlockJson> =
			self.main.request("chain_getBlock", rpc_params![hash]).await?;
		let block = block.ok_or_else(|| anyhow!("the node does not have block {hash:?}"))?;
		Ok(RawBlock { header: block.block.header, extrinsics: block.block.extrinsics })
	}

	pub async fn storage(&self, key: &[u8], at: Option<H256>) -> Result<Option<Vec<u8>>> {
		let value: Option<Bytes> = self
			.main
			.request("state_getStorage", rpc_params![Bytes(key.to_vec()), at])
			.await?;
		Ok(value.map(|bytes| bytes.0))
	}

	/// A storage value decoded as `T` (`None` if absent).
	pub async fn storage_decoded<T: Decode>(
		&self,
		key: &[u8],
		at: Option<H256>,
	) -> Result<Option<T>> {
		match self.storage(key, at).await? {
			None => Ok(None),
			Some(bytes) => Ok(Some(
				T::decode(&mut bytes.as_slice())
					.map_err(|e| anyhow!("decoding storage {}: {e}", hex::encode(key)))?,
			)),
		}
	}

	/// A runtime API call, its answer decoded as `T`.
	pub async fn state_call<T: Decode>(&self, method: &str, args: &[u8]) -> Result<T> {
		let bytes: Bytes = self
			.main
			.request("state_call", rpc_params![method, Bytes(args.to_vec())])
			.await
			.with_context(|| format!("state_call {method}"))?;
		T::decode(&mut bytes.0.as_slice()).map_err(|e| anyhow!("decoding {method}'s answer: {e}"))
	}

	/// `TransactionPaymentApi_query_info` for a signed transaction: its pre-dispatch weight,
	/// class and fee.
	pub async fn query_info(
		&self,
		extrinsic: &UncheckedExtrinsic,
	) -> Result<pallet_transaction_payment::RuntimeDispatchInfo<fxchain_primitives::Balance>> {
		let len = extrinsic.encoded_size() as u32;
		self.state_call("TransactionPaymentApi_query_info", &(extrinsic, len).encode())
			.await
	}

	/// Submit an extrinsic (hex, `0x`-prefixed) on one of the submission connections.
	pub async fn submit_on(
		client: &WsClient,
		hex_extrinsic: &str,
	) -> std::result::Result<H256, ClientError> {
		client.request("author_submitExtrinsic", rpc_params![hex_extrinsic]).await
	}

	/// Every extrinsic the pool holds.
	pub async fn pending_extrinsics(&self) -> Result<Vec<Bytes>> {
		Ok(self.main.request("author_pendingExtrinsics", rpc_params![]).await?)
	}

	pub async fn subscribe_heads(&self, finalized: bool) -> Result<Subscription<Header>> {
		let (sub, unsub) = if finalized {
			("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads")
		} else {
			("chain_subscribeNewHeads", "chain_unsubscribeNewHeads")
		};
		Ok(self.main.subscribe(sub, rpc_params![], unsub).await?)
	}
}
