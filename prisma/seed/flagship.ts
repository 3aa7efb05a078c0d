// The flagship thread as data. Source: the scraped page in shared/seed
// (flagship-thread.txt), whose emoji were mojibake; they are repaired here and
// the site chrome (ads, avatars, footers) is dropped. The seed must not read
// that file at run time, so the content lives in the repo.

const questionBodyMd = `Hey everyone! 👋 I'm trying to get my head around how computers talk to each other, especially when it comes to network models. I keep hearing about 'Client-Server' and 'Peer-to-Peer' but sometimes the distinctions get a bit blurry for me. Could someone break down the key differences between these two architectures in a really clear, easy-to-understand way? I'm looking for a solid explanation that helps me grasp when you'd use one over the other. Thanks a bunch! 🙏`;

const answerBodyMd = `### 🌐 Understanding the Client-Server Model

The Client-Server model is a foundational distributed application architecture where tasks are partitioned between service providers, called servers, and service requesters, called clients. Clients typically request resources or perform operations, and servers respond by providing the requested data or services.

- 🖥️ **Centralized Control:** A central server manages resources, data, and access, acting as the primary point of control.
- 📡 **Request-Response Cycle:** Clients initiate requests (e.g., fetching a webpage, sending an email), and the server processes these requests and sends back the appropriate response.
- 🔒 **Enhanced Security:** Security measures and data integrity can be centrally managed and enforced on the server.
- 📈 **Scalability:** Can be scaled by upgrading the server or adding more servers, though it can become a bottleneck if not properly managed.

### 🤝 Exploring the Peer-to-Peer (P2P) Model

In a Peer-to-Peer (P2P) model, participating computers (peers) are equally privileged, often acting as both clients and servers to the other peers in the system. Each peer has equal capabilities and responsibilities, directly communicating and sharing resources without a central intermediary.

- 🔗 **Decentralized Structure:** There is no single central server; all peers contribute resources and services directly to each other.
- 🔄 **Mutual Roles:** Each node can function as both a client (requesting files) and a server (providing files) simultaneously.
- 🛡️ **Resilience:** The failure of a single peer does not necessarily bring down the entire network, as other peers can continue operating.
- 💡 **Resource Sharing:** Ideal for direct sharing of files, computational power, or bandwidth among distributed users.

### ⚖️ Client-Server vs. Peer-to-Peer: A Comprehensive Comparison

| Feature | Client-Server Model | Peer-to-Peer (P2P) Model |
| --- | --- | --- |
| **⚙️ Architecture** | Centralized, with dedicated servers and clients. | Decentralized, all nodes are peers with equal roles. |
| **🛡️ Security** | Easier to implement and manage centrally; stronger access control. | More challenging to secure; relies on individual peer security. |
| **📈 Scalability** | Can scale by adding more powerful servers or load balancers; potential for bottlenecks. | Scales well with more peers; performance often improves with more participants. |
| **🚦 Performance** | Can be high due to dedicated resources, but can degrade with heavy load on the server. | Varies; depends on the collective bandwidth and processing power of peers. |
| **💰 Cost** | Higher initial setup and maintenance costs for powerful servers and infrastructure. | Lower setup cost as it leverages existing peer resources; ongoing costs are distributed. |
| **🛠️ Complexity** | Server management can be complex; client-side is simpler. | Network discovery and coordination can be complex; individual peer setup is often simpler. |
| **🌍 Typical Use Cases** | Websites, email, online banking, corporate networks, cloud services. | File sharing (BitTorrent), cryptocurrencies (Bitcoin), online gaming, VoIP. |

### 💡 Key Takeaways & When to Choose Each Model

- 🎯 **Centralization vs. Decentralization:** The fundamental difference lies in control. Client-Server centralizes, P2P distributes.
- 🌐 **Security & Management:** Client-Server offers easier centralized security and administration, crucial for sensitive data.
- 🚀 **Scalability & Performance:** P2P often excels in scalability and resilience for specific tasks, as more peers can mean more resources. Client-Server can be highly performant but needs careful resource planning.
- 💸 **Cost Implications:** P2P can be more cost-effective for distributed resource sharing, while Client-Server involves higher infrastructure investment.
- ✔️ **Choosing the Right Model:** Select Client-Server for applications requiring strong security, centralized control, and guaranteed service quality (e.g., banking, corporate apps). Opt for P2P when decentralization, resilience against single points of failure, and direct resource sharing are paramount (e.g., file sharing, blockchain).
`;

export const flagshipThread = {
  category: {
    slug: "computer-science-technology",
    name: "Computer Science & Technology",
    emoji: "💻",
    description: "Computer architecture, networking models, systems design and how computers talk to each other.",
  },
  asker: { username: "jennifer286" },
  answerer: { username: "zacharyallen1989" },
  question: {
    title: "Client-Server Model vs. Peer-to-Peer: Key Differences",
    bodyMd: questionBodyMd,
    createdAt: new Date("2026-03-15T08:00:00Z"),
    tags: ["networking", "client-server", "peer-to-peer", "architecture"],
  },
  answer: {
    bodyMd: answerBodyMd,
    createdAt: new Date("2026-03-15T12:00:00Z"),
  },
} as const;

// The flagship category comes first; the rest give a new forum somewhere to post.
export const starterCategories = [
  flagshipThread.category,
  {
    slug: "networking-protocols",
    name: "Networking & Protocols",
    emoji: "🌐",
    description: "TCP/IP, HTTP, DNS, routing, sockets and everything on the wire.",
  },
  {
    slug: "operating-systems",
    name: "Operating Systems",
    emoji: "🐧",
    description: "Processes, threads, memory, file systems, schedulers and kernels.",
  },
  {
    slug: "algorithms-data-structures",
    name: "Algorithms & Data Structures",
    emoji: "🧮",
    description: "Complexity, sorting and searching, graphs, trees and dynamic programming.",
  },
  {
    slug: "databases",
    name: "Databases",
    emoji: "🗄️",
    description: "SQL and NoSQL, schema design, indexing, transactions and query tuning.",
  },
  {
    slug: "security",
    name: "Security",
    emoji: "🔒",
    description: "Cryptography, authentication, network security and secure coding.",
  },
  {
    slug: "programming-languages",
    name: "Programming Languages",
    emoji: "🧑‍💻",
    description: "Language design, type systems, compilers and idioms across languages.",
  },
] as const;
