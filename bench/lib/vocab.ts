/** Networking and CS words the generated titles, bodies and tags are built from. */
export const topics = [
  "TCP", "UDP", "QUIC", "HTTP/2", "HTTP/3", "TLS 1.3", "DNS", "DNSSEC", "DHCP", "ARP", "ICMP", "IPv4", "IPv6",
  "NAT", "BGP", "OSPF", "RIP", "MPLS", "VLAN", "VXLAN", "STP", "Ethernet", "Wi-Fi", "WPA3", "IPsec", "WireGuard",
  "OpenVPN", "SSH", "SMTP", "IMAP", "FTP", "SNMP", "NTP", "LDAP", "Kerberos", "RADIUS", "gRPC", "WebSocket",
  "REST", "GraphQL", "CDN", "load balancer", "reverse proxy", "anycast", "multicast", "epoll", "io_uring",
  "kqueue", "the Linux kernel", "iptables", "nftables", "eBPF", "XDP", "DPDK", "Nginx", "HAProxy", "Envoy",
  "Kubernetes", "Docker", "a service mesh", "Redis", "PostgreSQL", "Kafka", "RabbitMQ", "ZooKeeper", "etcd",
  "Raft", "Paxos", "consistent hashing", "a B-tree", "a hash table", "a skip list", "a bloom filter",
  "garbage collection", "virtual memory", "the page cache", "the TLB", "a mutex", "a spinlock", "lock-free queues",
  "memory barriers", "the scheduler", "context switches", "system calls", "shared memory", "Unix sockets",
  "the OSI model", "the TCP/IP stack", "packet capture", "Wireshark", "tcpdump", "traceroute", "MTU discovery",
] as const;

export const concepts = [
  "congestion control", "slow start", "retransmission timeouts", "head-of-line blocking", "the three-way handshake",
  "connection reuse", "keep-alive", "flow control", "window scaling", "selective acknowledgements", "jitter",
  "packet loss", "latency spikes", "throughput", "backpressure", "fragmentation", "checksum offload", "caching",
  "TTL expiry", "certificate validation", "key exchange", "forward secrecy", "session resumption", "routing loops",
  "route flapping", "split horizon", "failover", "leader election", "replication lag", "split brain",
  "idempotency", "exactly-once delivery", "ordering guarantees", "timeouts", "rate limiting", "load shedding",
  "cache invalidation", "false sharing", "cache misses", "memory leaks", "deadlocks", "priority inversion",
  "starvation", "tail latency", "cold starts", "DNS propagation", "port exhaustion", "TIME_WAIT sockets",
  "Nagle's algorithm", "delayed ACKs", "zero-copy I/O", "buffer bloat", "path MTU", "ECMP hashing",
] as const;

export const conditions = [
  "under heavy load", "on a lossy Wi-Fi link", "behind a NAT", "across data centres", "on a 10 Gbit link",
  "in a container", "with thousands of clients", "after a failover", "on a high-latency satellite link",
  "in a home lab", "with IPv6 only", "inside a VPN tunnel", "on embedded Linux", "at startup",
  "when the server restarts", "in production", "with a small MTU", "on a busy router",
] as const;

export const titleTemplates = [
  "How does {topic} handle {concept} {condition}?",
  "Why does {topic} show {concept} {condition}?",
  "{topic} vs {topic2}: which deals better with {concept}?",
  "Debugging {concept} in {topic} {condition}",
  "What is the right way to tune {topic} for {concept}?",
  "Understanding {concept} in {topic}",
  "Is {concept} expected with {topic} {condition}?",
  "When should I prefer {topic} over {topic2}?",
  "{topic}: avoiding {concept} {condition}",
  "How do {topic} and {topic2} interact around {concept}?",
] as const;

export const sentences = [
  "I am running {topic} {condition} and keep seeing {concept}.",
  "The documentation for {topic} mentions {concept} but does not say what to do about it.",
  "A packet capture shows retransmissions every few seconds, then the connection recovers.",
  "Switching to {topic2} made the problem go away, which surprised me.",
  "My understanding is that {concept} should only matter {condition}.",
  "Throughput drops from about 900 Mbit/s to 40 Mbit/s whenever this happens.",
  "The server logs show nothing unusual, and CPU stays below 20 percent.",
  "I have read the RFC, but the state machine around {concept} still confuses me.",
  "In my tests the latency p99 jumps from 2 ms to 300 ms.",
  "Both hosts run a recent kernel with default sysctl settings.",
  "The short answer is that {topic} trades {concept} for simplicity.",
  "You can confirm this with tcpdump by filtering on the port and watching the flags.",
  "Raising the buffer sizes helps, but only up to the bandwidth-delay product.",
  "This is a classic case of {concept}; the fix is to measure before tuning anything.",
  "Most implementations of {topic} expose a counter for {concept}, so start there.",
  "If you control both ends, {topic2} avoids the issue entirely.",
  "Keep in mind that middleboxes often rewrite or drop options they do not understand.",
  "The kernel's socket statistics (ss -ti) show the congestion window and the RTT estimate.",
] as const;

export const codeSnippets = [
  "ss -tin state established '( dport = :443 )'",
  "sysctl -w net.ipv4.tcp_congestion_control=bbr",
  "tcpdump -ni eth0 'tcp[tcpflags] & (tcp-syn|tcp-fin) != 0'",
  "dig +trace example.org AAAA",
  "ip route get 2001:db8::1",
  "const socket = net.connect({ host, port, keepAlive: true });",
  "setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);",
  "iperf3 -c 10.0.0.2 -P 4 -t 30",
] as const;

export const commentLines = [
  "Which kernel version is this?", "Can you share the packet capture?", "Did you try disabling offloads?",
  "This fixed it for me, thanks.", "Same here on a different NIC.", "Good point about the buffer sizes.",
  "What does ss -ti show for the RTT?", "Worth adding the MTU to the question.",
] as const;

export const searchWords = [
  "tcp", "congestion", "dns", "latency", "handshake", "retransmission", "nat", "ipv6", "bgp", "routing",
  "tls", "certificate", "quic", "socket", "kernel", "throughput", "packet loss", "load balancer", "cache",
  "timeout", "mtu", "wireguard", "vlan", "replication", "deadlock", "scheduler", "http", "proxy", "epoll",
  "raft", "failover", "buffer", "window scaling", "keep-alive", "multicast", "firewall", "iptables",
] as const;

const tagBase = [
  "networking", "tcp", "udp", "quic", "http", "http2", "http3", "tls", "ssl", "dns", "dnssec", "dhcp", "arp",
  "icmp", "ipv4", "ipv6", "nat", "bgp", "ospf", "rip", "mpls", "vlan", "vxlan", "stp", "ethernet", "wifi",
  "wpa3", "ipsec", "wireguard", "openvpn", "vpn", "ssh", "smtp", "imap", "ftp", "snmp", "ntp", "ldap",
  "kerberos", "radius", "grpc", "websocket", "rest", "graphql", "cdn", "load-balancing", "reverse-proxy",
  "anycast", "multicast", "epoll", "io-uring", "kqueue", "linux", "linux-kernel", "iptables", "nftables", "ebpf",
  "xdp", "dpdk", "nginx", "haproxy", "envoy", "kubernetes", "docker", "service-mesh", "redis", "postgresql",
  "kafka", "rabbitmq", "zookeeper", "etcd", "raft", "paxos", "consensus", "distributed-systems", "hashing",
  "b-tree", "hash-table", "bloom-filter", "garbage-collection", "virtual-memory", "memory", "tlb", "mutex",
  "spinlock", "lock-free", "concurrency", "threads", "scheduler", "syscalls", "shared-memory", "sockets",
  "osi-model", "tcp-ip", "wireshark", "tcpdump", "traceroute", "mtu", "routing", "switching", "firewall",
  "security", "cryptography", "performance", "latency", "throughput", "congestion-control", "architecture",
  "client-server", "peer-to-peer", "algorithms", "data-structures", "operating-systems", "compilers", "c",
  "c++", "rust", "go", "python", "java", "javascript", "node.js", "bash", "assembly", "embedded", "fpga",
  "sdn", "5g", "lte", "bluetooth", "zigbee", "lora", "satellite", "optical", "sonet", "ieee-802.11", "poe",
];
const tagSuffixes = ["tuning", "debugging", "internals", "security", "performance", "config", "testing", "design"];

/** About `count` tag names: the common ones first (so Zipf ranks favour them), then compounds. */
export function tagNames(count: number): string[] {
  const names = [...tagBase];
  for (const suffix of tagSuffixes) {
    for (const base of tagBase) {
      if (names.length >= count) return names;
      const name = `${base}-${suffix}`;
      if (name.length <= 30) names.push(name);
    }
  }
  return names;
}

const firstNames = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yuki", "zoe", "amir", "bea", "chen", "dmitri", "elena", "farah", "goran", "hana", "ines"];
const lastParts = ["packets", "router", "kernel", "socket", "stack", "ops", "net", "dev", "bits", "bytes", "lab", "node"];

/** A deterministic, unique username for member number i. */
export function username(i: number): string {
  const first = firstNames[i % firstNames.length]!;
  const last = lastParts[Math.floor(i / firstNames.length) % lastParts.length]!;
  return `${first}_${last}${i}`;
}
