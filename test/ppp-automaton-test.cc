/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PppAutomaton (RFC 1661 s.4) through a tiny protocol with one option (an LCP MRU) and
// verdicts the test chooses: every cell of the s.4.1 state transition table (new state,
// packets sent, this-layer actions), two automata back to back in both Up/Open orders,
// recovery of lost packets by the Restart timer, Max-Configure, Max-Terminate, zrc,
// Max-Failure, responses with a wrong identifier or options, malformed packets, unknown
// codes and Code-Rejects.

#include "ppp-automaton.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-option.h"
#include "pptp-test-util.h"

#include "ns3/boolean.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

using State = PppAutomatonState;
using Verdict = PppAutomaton::RequestVerdict;

/// A protocol with one option (LCP MRU) whose verdict on the peer's request the test sets.
class TestAutomaton : public PppAutomaton
{
  public:
    TestAutomaton()
        : PppAutomaton(PppProtocol::LCP)
    {
    }

    Verdict verdict{Verdict::ACK};                          //!< next verdict
    std::vector<PppOption> reply{PppOption::MakeMru(1000)}; //!< Nak/Reject options
    uint16_t mru{1200};                                     //!< our request's MRU
    std::string hooks;                                      //!< "tlu,tld,..." in order
    unsigned acks{0};                                       //!< ProcessConfigureAck calls
    unsigned naks{0};                                       //!< ProcessConfigureNak calls
    unsigned rejects{0};                                    //!< ProcessConfigureReject calls
    unsigned others{0};                                     //!< ReceiveOtherCode calls
    std::function<void()> onUp;                             //!< extra tlu work

    using PppAutomaton::GetLastRequest;
    using PppAutomaton::NextIdentifier;

  protected:
    std::vector<PppOption>
    BuildConfigureRequest() override
    {
        return {PppOption::MakeMru(mru)};
    }

    Verdict
    ProcessConfigureRequest(const std::vector<PppOption>& /* options */,
                            std::vector<PppOption>& out) override
    {
        out = reply;
        return verdict;
    }

    void
    ProcessConfigureAck(const std::vector<PppOption>& /* options */) override
    {
        ++acks;
    }

    void
    ProcessConfigureNak(const std::vector<PppOption>& options) override
    {
        ++naks;
        if (!options.empty() && options[0].Is(PppProtocol::LCP, PppOption::LCP_MRU))
        {
            mru = options[0].GetMru();
        }
    }

    void
    ProcessConfigureReject(const std::vector<PppOption>& /* options */) override
    {
        ++rejects;
    }

    void
    ThisLayerUp() override
    {
        Hook("tlu");
        if (onUp)
        {
            onUp();
        }
    }

    void
    ThisLayerDown() override
    {
        Hook("tld");
    }

    void
    ThisLayerStarted() override
    {
        Hook("tls");
    }

    void
    ThisLayerFinished() override
    {
        Hook("tlf");
    }

    void
    ReceiveOtherCode(const PppControlPacket& packet) override
    {
        ++others;
        // ser: the protocol answers Echo-Requests in OPENED (s.4.1 RXR in Opened).
        if (IsOpened() && packet.GetCode() == PppControlPacket::ECHO_REQUEST)
        {
            SendPacket(PppControlPacket::MakeEcho(
                PppControlPacket::ECHO_REPLY, packet.GetIdentifier(), 0, packet.GetData()));
        }
    }

  private:
    void
    Hook(const char* name)
    {
        hooks += hooks.empty() ? name : std::string(",") + name;
    }
};

/// One automaton, what it sent and what its owner was told.
struct Harness
{
    Ptr<TestAutomaton> fsm;
    std::vector<Bytes> sent;       //!< every packet sent, from its Code on
    unsigned ownerUp{0};           //!< owner's tlu callback
    unsigned ownerDown{0};         //!< owner's tld callback
    unsigned ownerFinished{0};     //!< owner's tlf callback
    std::vector<State> states;     //!< State trace, new values
    std::vector<WireError> errors; //!< Malformed trace

    explicit Harness(uint32_t maxConfigure = 10, uint32_t maxTerminate = 2)
    {
        fsm = CreateObject<TestAutomaton>();
        fsm->SetAttribute("MaxConfigure", UintegerValue(maxConfigure));
        fsm->SetAttribute("MaxTerminate", UintegerValue(maxTerminate));
        fsm->SetSendCallback(MakeCallback(&Harness::Send, this));
        fsm->SetLayerCallbacks(MakeCallback(&Harness::Up, this),
                               MakeCallback(&Harness::Down, this),
                               MakeCallback(&Harness::Finished, this));
        fsm->TraceConnectWithoutContext("State", MakeCallback(&Harness::StateChanged, this));
        fsm->TraceConnectWithoutContext("Malformed", MakeCallback(&Harness::Malformed, this));
    }

    ~Harness()
    {
        fsm->Dispose();
    }

    void
    Send(uint16_t protocol, Ptr<Packet> packet)
    {
        BOOST_TEST(protocol == PppProtocol::LCP);
        sent.push_back(BytesOf(packet));
    }

    void
    Up()
    {
        ++ownerUp;
    }

    void
    Down()
    {
        ++ownerDown;
    }

    void
    Finished()
    {
        ++ownerFinished;
    }

    void
    StateChanged(State /* from */, State to)
    {
        states.push_back(to);
    }

    void
    Malformed(uint16_t /* protocol */, Ptr<const Packet> /* packet */, WireError error)
    {
        errors.push_back(error);
    }

    void
    Inject(const PppControlPacket& packet)
    {
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(packet);
        fsm->Receive(p);
    }

    void
    InjectHex(const std::string& hex)
    {
        fsm->Receive(PacketOf(FromHex(hex)));
    }

    /// The last Configure-Request sent, decoded.
    PppControlPacket
    LastRequest() const
    {
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
        {
            if (!it->empty() && (*it)[0] == PppControlPacket::CONFIGURE_REQUEST)
            {
                PppControlPacket p(PppProtocol::LCP);
                BOOST_REQUIRE(Decode(p, *it) == it->size());
                return p;
            }
        }
        BOOST_FAIL("no Configure-Request sent");
        return PppControlPacket(PppProtocol::LCP);
    }

    /// The identifier of the last Configure-Request sent (0x33 when none was).
    uint8_t
    LastRequestId() const
    {
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
        {
            if ((*it)[0] == PppControlPacket::CONFIGURE_REQUEST)
            {
                return (*it)[1];
            }
        }
        return 0x33;
    }

    /// A Configure-Ack (or Nak, Reject) of the last request.
    void
    AnswerLastRequest(uint8_t code)
    {
        PppControlPacket request = LastRequest();
        std::vector<PppOption> options = request.GetOptions();
        if (code == PppControlPacket::CONFIGURE_NAK)
        {
            options = {PppOption::MakeMru(1100)};
        }
        Inject(PppControlPacket::MakeConfigure(
            PppProtocol::LCP, code, request.GetIdentifier(), options));
    }

    /// A peer's Configure-Request (the verdict is the automaton's).
    void
    InjectRequest(uint8_t identifier = 0x40)
    {
        Inject(PppControlPacket::MakeConfigureRequest(
            PppProtocol::LCP, identifier, {PppOption::MakeMru(1400)}));
    }

    /// The codes sent since index \p from, e.g. "1,2".
    std::string
    CodesSince(std::size_t from) const
    {
        std::string codes;
        for (std::size_t i = from; i < sent.size(); ++i)
        {
            codes += (codes.empty() ? "" : ",") + std::to_string(sent[i][0]);
        }
        return codes;
    }
};

/// Drive a fresh automaton into a state with the public events only.
void
BringTo(Harness& h, State state)
{
    TestAutomaton& fsm = *h.fsm;
    switch (state)
    {
        case State::INITIAL:
            break;
        case State::STARTING:
            fsm.Open();
            break;
        case State::CLOSED:
            fsm.Up();
            break;
        case State::STOPPED:
            fsm.Open();
            fsm.Up();
            fsm.ProtocolRejected(); // RXJ- in REQ_SENT: tlf/3
            break;
        case State::CLOSING:
            fsm.Open();
            fsm.Up();
            fsm.Close("bye");
            break;
        case State::STOPPING:
            fsm.Open();
            fsm.Up();
            fsm.Close("bye");
            fsm.Open(); // Open in Closing: 5
            break;
        case State::REQ_SENT:
            fsm.Open();
            fsm.Up();
            break;
        case State::ACK_RCVD:
            fsm.Open();
            fsm.Up();
            h.AnswerLastRequest(PppControlPacket::CONFIGURE_ACK);
            break;
        case State::ACK_SENT:
            fsm.Open();
            fsm.Up();
            h.InjectRequest();
            break;
        case State::OPENED:
            fsm.Open();
            fsm.Up();
            h.InjectRequest();
            h.AnswerLastRequest(PppControlPacket::CONFIGURE_ACK);
            break;
    }
    BOOST_REQUIRE_EQUAL(fsm.GetState(), state);
    h.fsm->hooks.clear();
}

/// The events of s.4.1, in the table's order.
enum Ev
{
    UP,
    DOWN,
    OPEN,
    CLOSE,
    TO_PLUS,
    TO_MINUS,
    RCR_PLUS,
    RCR_MINUS,
    RCA,
    RCN,
    RTR,
    RTA,
    RUC,
    RXJ_PLUS,
    RXJ_MINUS,
    RXR,
};

const char* const EVENT_NAMES[] = {"Up",
                                   "Down",
                                   "Open",
                                   "Close",
                                   "TO+",
                                   "TO-",
                                   "RCR+",
                                   "RCR-",
                                   "RCA",
                                   "RCN",
                                   "RTR",
                                   "RTA",
                                   "RUC",
                                   "RXJ+",
                                   "RXJ-",
                                   "RXR"};

/// Deliver one event to an automaton brought into some state.
void
Deliver(Harness& h, Ev event)
{
    TestAutomaton& fsm = *h.fsm;
    uint8_t id = h.LastRequestId();
    switch (event)
    {
        case UP:
            fsm.Up();
            break;
        case DOWN:
            fsm.Down();
            break;
        case OPEN:
            fsm.Open();
            break;
        case CLOSE:
            fsm.Close("admin");
            break;
        case TO_PLUS:
        case TO_MINUS:
            // One Restart period (3 s) and a little: the timer fires once if it runs.
            Simulator::Stop(Seconds(3) + MilliSeconds(1));
            Simulator::Run();
            break;
        case RCR_PLUS:
            fsm.verdict = Verdict::ACK;
            h.InjectRequest();
            break;
        case RCR_MINUS:
            fsm.verdict = Verdict::NAK;
            h.InjectRequest();
            break;
        case RCA:
            h.Inject(PppControlPacket::MakeConfigure(
                PppProtocol::LCP, PppControlPacket::CONFIGURE_ACK, id, fsm.GetLastRequest()));
            break;
        case RCN:
            h.Inject(PppControlPacket::MakeConfigure(
                PppProtocol::LCP, PppControlPacket::CONFIGURE_NAK, id, {PppOption::MakeMru(1100)}));
            break;
        case RTR:
            h.Inject(PppControlPacket::MakeTerminate(
                PppProtocol::LCP, PppControlPacket::TERMINATE_REQUEST, 0x77, {}));
            break;
        case RTA:
            h.Inject(PppControlPacket::MakeTerminate(
                PppProtocol::LCP, PppControlPacket::TERMINATE_ACK, 0x78, {}));
            break;
        case RUC:
            h.InjectHex("0c 21 00 05 ab"); // code 12 is not an LCP code
            break;
        case RXJ_PLUS:
            h.InjectHex("07 22 00 08 09 01 00 04"); // Code-Reject of an Echo-Request
            break;
        case RXJ_MINUS:
            h.InjectHex("07 23 00 08 01 01 00 04"); // Code-Reject of a Configure-Request
            break;
        case RXR:
            h.InjectHex("09 24 00 08 00 00 00 00"); // Echo-Request
            break;
    }
}

/// One cell of the table.
struct Cell
{
    State from;        //!< state
    Ev event;          //!< event
    bool illegal;      //!< '-': no transition, logged
    State to;          //!< new state
    const char* codes; //!< packets sent, by code
    const char* hooks; //!< this-layer actions
};

constexpr bool X = true;  //!< illegal cell
constexpr bool O = false; //!< legal cell

// The whole of RFC 1661 s.4.1. TO+/TO- in states without the Restart timer: the timer
// does not run, so nothing happens (listed as legal no-ops). TO- in Ack-Rcvd cannot be
// produced: entering Ack-Rcvd (RCA) does irc, so the counter is Max-Configure >= 1 there.
const Cell TABLE[] = {
    // 0 Initial
    {State::INITIAL, UP, O, State::CLOSED, "", ""},
    {State::INITIAL, DOWN, X, State::INITIAL, "", ""},
    {State::INITIAL, OPEN, O, State::STARTING, "", "tls"},
    {State::INITIAL, CLOSE, O, State::INITIAL, "", ""},
    {State::INITIAL, TO_PLUS, O, State::INITIAL, "", ""},
    {State::INITIAL, TO_MINUS, O, State::INITIAL, "", ""},
    {State::INITIAL, RCR_PLUS, X, State::INITIAL, "", ""},
    {State::INITIAL, RCR_MINUS, X, State::INITIAL, "", ""},
    {State::INITIAL, RCA, X, State::INITIAL, "", ""},
    {State::INITIAL, RCN, X, State::INITIAL, "", ""},
    {State::INITIAL, RTR, X, State::INITIAL, "", ""},
    {State::INITIAL, RTA, X, State::INITIAL, "", ""},
    {State::INITIAL, RUC, X, State::INITIAL, "", ""},
    {State::INITIAL, RXJ_PLUS, X, State::INITIAL, "", ""},
    {State::INITIAL, RXJ_MINUS, X, State::INITIAL, "", ""},
    {State::INITIAL, RXR, X, State::INITIAL, "", ""},
    // 1 Starting
    {State::STARTING, UP, O, State::REQ_SENT, "1", ""},
    {State::STARTING, DOWN, X, State::STARTING, "", ""},
    {State::STARTING, OPEN, O, State::STARTING, "", ""},
    {State::STARTING, CLOSE, O, State::INITIAL, "", "tlf"},
    {State::STARTING, TO_PLUS, O, State::STARTING, "", ""},
    {State::STARTING, TO_MINUS, O, State::STARTING, "", ""},
    {State::STARTING, RCR_PLUS, X, State::STARTING, "", ""},
    {State::STARTING, RCR_MINUS, X, State::STARTING, "", ""},
    {State::STARTING, RCA, X, State::STARTING, "", ""},
    {State::STARTING, RCN, X, State::STARTING, "", ""},
    {State::STARTING, RTR, X, State::STARTING, "", ""},
    {State::STARTING, RTA, X, State::STARTING, "", ""},
    {State::STARTING, RUC, X, State::STARTING, "", ""},
    {State::STARTING, RXJ_PLUS, X, State::STARTING, "", ""},
    {State::STARTING, RXJ_MINUS, X, State::STARTING, "", ""},
    {State::STARTING, RXR, X, State::STARTING, "", ""},
    // 2 Closed
    {State::CLOSED, UP, X, State::CLOSED, "", ""},
    {State::CLOSED, DOWN, O, State::INITIAL, "", ""},
    {State::CLOSED, OPEN, O, State::REQ_SENT, "1", ""},
    {State::CLOSED, CLOSE, O, State::CLOSED, "", ""},
    {State::CLOSED, TO_PLUS, O, State::CLOSED, "", ""},
    {State::CLOSED, TO_MINUS, O, State::CLOSED, "", ""},
    {State::CLOSED, RCR_PLUS, O, State::CLOSED, "6", ""},
    {State::CLOSED, RCR_MINUS, O, State::CLOSED, "6", ""},
    {State::CLOSED, RCA, O, State::CLOSED, "6", ""},
    {State::CLOSED, RCN, O, State::CLOSED, "6", ""},
    {State::CLOSED, RTR, O, State::CLOSED, "6", ""},
    {State::CLOSED, RTA, O, State::CLOSED, "", ""},
    {State::CLOSED, RUC, O, State::CLOSED, "7", ""},
    {State::CLOSED, RXJ_PLUS, O, State::CLOSED, "", ""},
    {State::CLOSED, RXJ_MINUS, O, State::CLOSED, "", "tlf"},
    {State::CLOSED, RXR, O, State::CLOSED, "", ""},
    // 3 Stopped
    {State::STOPPED, UP, X, State::STOPPED, "", ""},
    {State::STOPPED, DOWN, O, State::STARTING, "", "tls"},
    {State::STOPPED, OPEN, O, State::STOPPED, "", ""},
    {State::STOPPED, CLOSE, O, State::CLOSED, "", ""},
    {State::STOPPED, TO_PLUS, O, State::STOPPED, "", ""},
    {State::STOPPED, TO_MINUS, O, State::STOPPED, "", ""},
    {State::STOPPED, RCR_PLUS, O, State::ACK_SENT, "1,2", ""},
    {State::STOPPED, RCR_MINUS, O, State::REQ_SENT, "1,3", ""},
    {State::STOPPED, RCA, O, State::STOPPED, "6", ""},
    {State::STOPPED, RCN, O, State::STOPPED, "6", ""},
    {State::STOPPED, RTR, O, State::STOPPED, "6", ""},
    {State::STOPPED, RTA, O, State::STOPPED, "", ""},
    {State::STOPPED, RUC, O, State::STOPPED, "7", ""},
    {State::STOPPED, RXJ_PLUS, O, State::STOPPED, "", ""},
    {State::STOPPED, RXJ_MINUS, O, State::STOPPED, "", "tlf"},
    {State::STOPPED, RXR, O, State::STOPPED, "", ""},
    // 4 Closing
    {State::CLOSING, UP, X, State::CLOSING, "", ""},
    {State::CLOSING, DOWN, O, State::INITIAL, "", ""},
    {State::CLOSING, OPEN, O, State::STOPPING, "", ""},
    {State::CLOSING, CLOSE, O, State::CLOSING, "", ""},
    {State::CLOSING, TO_PLUS, O, State::CLOSING, "5", ""},
    {State::CLOSING, TO_MINUS, O, State::CLOSED, "", "tlf"},
    {State::CLOSING, RCR_PLUS, O, State::CLOSING, "", ""},
    {State::CLOSING, RCR_MINUS, O, State::CLOSING, "", ""},
    {State::CLOSING, RCA, O, State::CLOSING, "", ""},
    {State::CLOSING, RCN, O, State::CLOSING, "", ""},
    {State::CLOSING, RTR, O, State::CLOSING, "6", ""},
    {State::CLOSING, RTA, O, State::CLOSED, "", "tlf"},
    {State::CLOSING, RUC, O, State::CLOSING, "7", ""},
    {State::CLOSING, RXJ_PLUS, O, State::CLOSING, "", ""},
    {State::CLOSING, RXJ_MINUS, O, State::CLOSED, "", "tlf"},
    {State::CLOSING, RXR, O, State::CLOSING, "", ""},
    // 5 Stopping
    {State::STOPPING, UP, X, State::STOPPING, "", ""},
    {State::STOPPING, DOWN, O, State::STARTING, "", ""},
    {State::STOPPING, OPEN, O, State::STOPPING, "", ""},
    {State::STOPPING, CLOSE, O, State::CLOSING, "", ""},
    {State::STOPPING, TO_PLUS, O, State::STOPPING, "5", ""},
    {State::STOPPING, TO_MINUS, O, State::STOPPED, "", "tlf"},
    {State::STOPPING, RCR_PLUS, O, State::STOPPING, "", ""},
    {State::STOPPING, RCR_MINUS, O, State::STOPPING, "", ""},
    {State::STOPPING, RCA, O, State::STOPPING, "", ""},
    {State::STOPPING, RCN, O, State::STOPPING, "", ""},
    {State::STOPPING, RTR, O, State::STOPPING, "6", ""},
    {State::STOPPING, RTA, O, State::STOPPED, "", "tlf"},
    {State::STOPPING, RUC, O, State::STOPPING, "7", ""},
    {State::STOPPING, RXJ_PLUS, O, State::STOPPING, "", ""},
    {State::STOPPING, RXJ_MINUS, O, State::STOPPED, "", "tlf"},
    {State::STOPPING, RXR, O, State::STOPPING, "", ""},
    // 6 Req-Sent
    {State::REQ_SENT, UP, X, State::REQ_SENT, "", ""},
    {State::REQ_SENT, DOWN, O, State::STARTING, "", ""},
    {State::REQ_SENT, OPEN, O, State::REQ_SENT, "", ""},
    {State::REQ_SENT, CLOSE, O, State::CLOSING, "5", ""},
    {State::REQ_SENT, TO_PLUS, O, State::REQ_SENT, "1", ""},
    {State::REQ_SENT, TO_MINUS, O, State::STOPPED, "", "tlf"},
    {State::REQ_SENT, RCR_PLUS, O, State::ACK_SENT, "2", ""},
    {State::REQ_SENT, RCR_MINUS, O, State::REQ_SENT, "3", ""},
    {State::REQ_SENT, RCA, O, State::ACK_RCVD, "", ""},
    {State::REQ_SENT, RCN, O, State::REQ_SENT, "1", ""},
    {State::REQ_SENT, RTR, O, State::REQ_SENT, "6", ""},
    {State::REQ_SENT, RTA, O, State::REQ_SENT, "", ""},
    {State::REQ_SENT, RUC, O, State::REQ_SENT, "7", ""},
    {State::REQ_SENT, RXJ_PLUS, O, State::REQ_SENT, "", ""},
    {State::REQ_SENT, RXJ_MINUS, O, State::STOPPED, "", "tlf"},
    {State::REQ_SENT, RXR, O, State::REQ_SENT, "", ""},
    // 7 Ack-Rcvd
    {State::ACK_RCVD, UP, X, State::ACK_RCVD, "", ""},
    {State::ACK_RCVD, DOWN, O, State::STARTING, "", ""},
    {State::ACK_RCVD, OPEN, O, State::ACK_RCVD, "", ""},
    {State::ACK_RCVD, CLOSE, O, State::CLOSING, "5", ""},
    {State::ACK_RCVD, TO_PLUS, O, State::REQ_SENT, "1", ""},
    {State::ACK_RCVD, RCR_PLUS, O, State::OPENED, "2", "tlu"},
    {State::ACK_RCVD, RCR_MINUS, O, State::ACK_RCVD, "3", ""},
    {State::ACK_RCVD, RCA, O, State::REQ_SENT, "1", ""},
    {State::ACK_RCVD, RCN, O, State::REQ_SENT, "1", ""},
    {State::ACK_RCVD, RTR, O, State::REQ_SENT, "6", ""},
    {State::ACK_RCVD, RTA, O, State::REQ_SENT, "", ""},
    {State::ACK_RCVD, RUC, O, State::ACK_RCVD, "7", ""},
    {State::ACK_RCVD, RXJ_PLUS, O, State::ACK_RCVD, "", ""},
    {State::ACK_RCVD, RXJ_MINUS, O, State::STOPPED, "", "tlf"},
    {State::ACK_RCVD, RXR, O, State::ACK_RCVD, "", ""},
    // 8 Ack-Sent
    {State::ACK_SENT, UP, X, State::ACK_SENT, "", ""},
    {State::ACK_SENT, DOWN, O, State::STARTING, "", ""},
    {State::ACK_SENT, OPEN, O, State::ACK_SENT, "", ""},
    {State::ACK_SENT, CLOSE, O, State::CLOSING, "5", ""},
    {State::ACK_SENT, TO_PLUS, O, State::ACK_SENT, "1", ""},
    {State::ACK_SENT, TO_MINUS, O, State::STOPPED, "", "tlf"},
    {State::ACK_SENT, RCR_PLUS, O, State::ACK_SENT, "2", ""},
    {State::ACK_SENT, RCR_MINUS, O, State::REQ_SENT, "3", ""},
    {State::ACK_SENT, RCA, O, State::OPENED, "", "tlu"},
    {State::ACK_SENT, RCN, O, State::ACK_SENT, "1", ""},
    {State::ACK_SENT, RTR, O, State::REQ_SENT, "6", ""},
    {State::ACK_SENT, RTA, O, State::ACK_SENT, "", ""},
    {State::ACK_SENT, RUC, O, State::ACK_SENT, "7", ""},
    {State::ACK_SENT, RXJ_PLUS, O, State::ACK_SENT, "", ""},
    {State::ACK_SENT, RXJ_MINUS, O, State::STOPPED, "", "tlf"},
    {State::ACK_SENT, RXR, O, State::ACK_SENT, "", ""},
    // 9 Opened
    {State::OPENED, UP, X, State::OPENED, "", ""},
    {State::OPENED, DOWN, O, State::STARTING, "", "tld"},
    {State::OPENED, OPEN, O, State::OPENED, "", ""},
    {State::OPENED, CLOSE, O, State::CLOSING, "5", "tld"},
    {State::OPENED, TO_PLUS, O, State::OPENED, "", ""},
    {State::OPENED, TO_MINUS, O, State::OPENED, "", ""},
    {State::OPENED, RCR_PLUS, O, State::ACK_SENT, "1,2", "tld"},
    {State::OPENED, RCR_MINUS, O, State::REQ_SENT, "1,3", "tld"},
    {State::OPENED, RCA, O, State::REQ_SENT, "1", "tld"},
    {State::OPENED, RCN, O, State::REQ_SENT, "1", "tld"},
    {State::OPENED, RTR, O, State::STOPPING, "6", "tld"},
    {State::OPENED, RTA, O, State::REQ_SENT, "1", "tld"},
    {State::OPENED, RUC, O, State::OPENED, "7", ""},
    {State::OPENED, RXJ_PLUS, O, State::OPENED, "", ""},
    {State::OPENED, RXJ_MINUS, O, State::STOPPING, "5", "tld"},
    {State::OPENED, RXR, O, State::OPENED, "10", ""},
};

/// A connection of two automata through the simulator with a delay and a drop filter.
struct Pair
{
    Harness a;
    Harness b;
    Time delay{MilliSeconds(10)};
    std::function<bool(bool fromA, const Bytes&)> drop; //!< true: lose the packet

    Pair()
    {
        a.fsm->SetSendCallback(MakeCallback(&Pair::FromA, this));
        b.fsm->SetSendCallback(MakeCallback(&Pair::FromB, this));
    }

    void
    FromA(uint16_t protocol, Ptr<Packet> packet)
    {
        a.Send(protocol, packet);
        Forward(true, packet);
    }

    void
    FromB(uint16_t protocol, Ptr<Packet> packet)
    {
        b.Send(protocol, packet);
        Forward(false, packet);
    }

    void
    Forward(bool fromA, Ptr<Packet> packet)
    {
        if (drop && drop(fromA, BytesOf(packet)))
        {
            return;
        }
        Ptr<TestAutomaton> to = fromA ? b.fsm : a.fsm;
        Simulator::Schedule(delay, &PppAutomaton::Receive, to, packet->Copy());
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(PppAutomatonSuite)

BOOST_AUTO_TEST_CASE(StateNamesAndDefaults)
{
    BOOST_TEST(std::string(PppAutomatonStateName(State::ACK_RCVD)) == "ACK_RCVD");
    BOOST_TEST(Printed(State::OPENED) == "OPENED");
    Harness h;
    BOOST_TEST(h.fsm->GetState() == State::INITIAL);
    BOOST_TEST(h.fsm->GetProtocol() == PppProtocol::LCP);
    TimeValue restart;
    h.fsm->GetAttribute("RestartTimer", restart);
    BOOST_TEST(restart.Get() == Seconds(3));
    UintegerValue value;
    h.fsm->GetAttribute("MaxFailure", value);
    BOOST_TEST(value.Get() == 5U);
    // The checkers refuse 0 and a zero period.
    BOOST_TEST(!h.fsm->SetAttributeFailSafe("MaxConfigure", UintegerValue(0)));
    BOOST_TEST(!h.fsm->SetAttributeFailSafe("MaxTerminate", UintegerValue(0)));
    BOOST_TEST(!h.fsm->SetAttributeFailSafe("MaxFailure", UintegerValue(0)));
    BOOST_TEST(!h.fsm->SetAttributeFailSafe("RestartTimer", TimeValue(Time(0))));
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(EveryCellOfTheTable)
{
    unsigned cells = 0;
    for (const Cell& cell : TABLE)
    {
        // TO- needs an exhausted counter: Max-Configure and Max-Terminate of 1.
        bool toMinus = cell.event == TO_MINUS;
        Harness h(toMinus ? 1 : 10, toMinus ? 1 : 2);
        BringTo(h, cell.from);
        std::size_t before = h.sent.size();
        uint64_t illegal = h.fsm->GetIllegalEventCount();
        unsigned up = h.ownerUp;
        unsigned down = h.ownerDown;
        unsigned finished = h.ownerFinished;
        Deliver(h, cell.event);
        BOOST_TEST_CONTEXT(PppAutomatonStateName(cell.from) << " + " << EVENT_NAMES[cell.event])
        {
            BOOST_TEST(h.fsm->GetState() == cell.to);
            BOOST_TEST(h.CodesSince(before) == std::string(cell.codes));
            BOOST_TEST(h.fsm->hooks == std::string(cell.hooks));
            BOOST_TEST(h.fsm->GetIllegalEventCount() == illegal + (cell.illegal ? 1U : 0U));
            std::string hooks(cell.hooks);
            // The owner hears tlu, tld and tlf after the protocol's hook (tls is not passed on).
            BOOST_TEST(h.ownerUp - up == (hooks.find("tlu") != std::string::npos ? 1U : 0U));
            BOOST_TEST(h.ownerDown - down == (hooks.find("tld") != std::string::npos ? 1U : 0U));
            BOOST_TEST(h.ownerFinished - finished
                       == (hooks.find("tlf") != std::string::npos ? 1U : 0U));
        }
        ++cells;
        Simulator::Destroy();
    }
    BOOST_TEST(cells == 10U * 16U - 1U);
}

BOOST_AUTO_TEST_CASE(TerminateAckAnswersTheRequestIdentifier)
{
    Harness h;
    BringTo(h, State::OPENED);
    h.InjectHex("05 77 00 07 62 79 65"); // Terminate-Request "bye"
    BOOST_TEST(ToHex(h.sent.back()) == "06770004");
    // Close's reason goes into the Terminate-Request's data.
    Harness g;
    BringTo(g, State::OPENED);
    g.fsm->Close("done");
    BOOST_REQUIRE(g.sent.back().size() == 8U);
    BOOST_TEST(ToHex(Bytes(g.sent.back().begin() + 4, g.sent.back().end())) == "646f6e65");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(BackToBackInBothOrders)
{
    for (bool upFirst : {true, false})
    {
        Pair p;
        if (upFirst)
        {
            p.a.fsm->Up();
            p.a.fsm->Open();
            p.b.fsm->Up();
            p.b.fsm->Open();
        }
        else
        {
            p.a.fsm->Open();
            p.a.fsm->Up();
            p.b.fsm->Open();
            p.b.fsm->Up();
        }
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        BOOST_TEST_CONTEXT((upFirst ? "Up before Open" : "Open before Up"))
        {
            BOOST_TEST(p.a.fsm->IsOpened());
            BOOST_TEST(p.b.fsm->IsOpened());
            BOOST_TEST(p.a.ownerUp == 1U);
            BOOST_TEST(p.b.ownerUp == 1U);
            // Each sends its request, acks the other's: 2 packets each, nothing more.
            BOOST_TEST(p.a.CodesSince(0) == "1,2");
            BOOST_TEST(p.b.CodesSince(0) == "1,2");
            std::vector<State> expected
                = upFirst ? std::vector<State>{State::CLOSED,
                                               State::REQ_SENT,
                                               State::ACK_SENT,
                                               State::OPENED}
                          : std::vector<State>{
                              State::STARTING, State::REQ_SENT, State::ACK_SENT, State::OPENED};
            BOOST_TEST(p.a.states == expected, boost::test_tools::per_element());
        }
        // A closes: B gets RTR (tld, zrc, sta/5) and, after one Restart period, tlf/3.
        p.a.fsm->Close("test");
        Simulator::Stop(MilliSeconds(100));
        Simulator::Run();
        BOOST_TEST(p.a.fsm->GetState() == State::CLOSED);
        BOOST_TEST(p.a.ownerFinished == 1U);
        BOOST_TEST(p.b.fsm->GetState() == State::STOPPING);
        BOOST_TEST(p.b.ownerFinished == 0U);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        BOOST_TEST(p.b.fsm->GetState() == State::STOPPED);
        BOOST_TEST(p.b.ownerFinished == 1U);
        BOOST_TEST(p.b.CodesSince(2) == "6"); // zrc: no Terminate-Request of its own
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(LostPacketsRecoveredByTheRestartTimer)
{
    Pair p;
    unsigned lost = 0;
    // Lose A's first two Configure-Requests.
    p.drop = [&lost](bool fromA, const Bytes& bytes)
    {
        if (fromA && bytes[0] == PppControlPacket::CONFIGURE_REQUEST && lost < 2)
        {
            ++lost;
            return true;
        }
        return false;
    };
    p.a.fsm->Open();
    p.a.fsm->Up();
    p.b.fsm->Open();
    p.b.fsm->Up();
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    BOOST_TEST(!p.a.fsm->IsOpened());
    Simulator::Stop(Seconds(2));
    Simulator::Run(); // the third request leaves at 6 s
    BOOST_TEST(p.a.fsm->IsOpened());
    BOOST_TEST(p.b.fsm->IsOpened());
    BOOST_TEST(p.a.fsm->GetConfigureRequestsSent() == 3U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(MaxConfigureEndsInStopped)
{
    Harness h; // nobody answers
    h.fsm->Open();
    h.fsm->Up();
    Simulator::Stop(Seconds(29.9));
    Simulator::Run();
    BOOST_TEST(h.fsm->GetState() == State::REQ_SENT);
    BOOST_TEST(h.fsm->GetConfigureRequestsSent() == 10U);
    Simulator::Stop(Seconds(0.2));
    Simulator::Run();
    BOOST_TEST(h.fsm->GetState() == State::STOPPED);
    BOOST_TEST(h.ownerFinished == 1U);
    BOOST_TEST(h.fsm->hooks == "tls,tlf"); // Open in Initial, then TO- in Req-Sent
    BOOST_TEST(h.fsm->GetConfigureRequestsSent() == 10U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(PassiveOptionSkipsTlf)
{
    Harness h(2);
    h.fsm->SetAttribute("Passive", BooleanValue(true));
    h.fsm->Open();
    h.fsm->Up();
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    BOOST_TEST(h.fsm->GetState() == State::STOPPED);
    BOOST_TEST(h.ownerFinished == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(RestartOptionRenegotiates)
{
    Harness h;
    h.fsm->SetAttribute("RestartOnOpen", BooleanValue(true));
    BringTo(h, State::OPENED);
    std::size_t before = h.sent.size();
    h.fsm->Open(); // [r]: Down, Up
    BOOST_TEST(h.fsm->GetState() == State::REQ_SENT);
    BOOST_TEST(h.fsm->hooks == "tld");
    BOOST_TEST(h.CodesSince(before) == "1");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(MaxTerminate)
{
    Pair p;
    p.a.fsm->Open();
    p.a.fsm->Up();
    p.b.fsm->Open();
    p.b.fsm->Up();
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE(p.a.fsm->IsOpened());
    p.drop = [](bool fromA, const Bytes&) { return fromA; }; // B hears nothing more
    std::size_t before = p.a.sent.size();
    p.a.fsm->Close("bye");
    Simulator::Stop(Seconds(5.9));
    Simulator::Run();
    BOOST_TEST(p.a.fsm->GetState() == State::CLOSING);
    BOOST_TEST(p.a.CodesSince(before) == "5,5"); // Max-Terminate = 2
    Simulator::Stop(Seconds(0.2));
    Simulator::Run();
    BOOST_TEST(p.a.fsm->GetState() == State::CLOSED);
    BOOST_TEST(p.a.ownerFinished == 1U);
    BOOST_TEST(p.b.fsm->IsOpened());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(MaxFailureTurnsNaksIntoRejects)
{
    Harness h;
    BringTo(h, State::REQ_SENT);
    h.fsm->verdict = Verdict::NAK;
    h.fsm->reply = {PppOption::MakeMru(1000)};
    std::size_t before = h.sent.size();
    for (int i = 0; i < 5; ++i)
    {
        h.Inject(PppControlPacket::MakeConfigureRequest(
            PppProtocol::LCP,
            0x50 + i,
            {PppOption::MakeMru(500), PppOption::MakeMagicNumber(0x01020304)}));
    }
    BOOST_TEST(h.CodesSince(before) == "3,3,3,3,3");
    BOOST_TEST(ToHex(h.sent.back())
               == "03540008"
                  "010403e8");
    // The sixth Nak becomes a Reject of the request's options of the Nak's types.
    h.Inject(PppControlPacket::MakeConfigureRequest(
        PppProtocol::LCP, 0x60, {PppOption::MakeMru(500), PppOption::MakeMagicNumber(0x01020304)}));
    BOOST_TEST(ToHex(h.sent.back())
               == "04600008"
                  "010401f4");
    BOOST_TEST(h.fsm->GetState() == State::REQ_SENT);
    // An Ack sent starts the count again.
    h.fsm->verdict = Verdict::ACK;
    h.InjectRequest(0x61);
    BOOST_TEST(h.sent.back()[0] == PppControlPacket::CONFIGURE_ACK);
    h.fsm->verdict = Verdict::NAK;
    h.InjectRequest(0x62);
    BOOST_TEST(h.sent.back()[0] == PppControlPacket::CONFIGURE_NAK);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(MaxFailureStopsAskingForOptions)
{
    // A Nak that only asks the peer to add an option: after Max-Failure it is not sent,
    // the request is acknowledged as it is.
    Harness h;
    BringTo(h, State::REQ_SENT);
    h.fsm->SetAttribute("MaxFailure", UintegerValue(2));
    h.fsm->verdict = Verdict::NAK;
    h.fsm->reply = {PppOption::MakeMagicNumber(0x11111111)};
    std::size_t before = h.sent.size();
    h.InjectRequest(1);
    h.InjectRequest(2);
    h.InjectRequest(3);
    BOOST_TEST(h.CodesSince(before) == "3,3,2");
    BOOST_TEST(h.fsm->GetState() == State::ACK_SENT);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(InvalidResponsesDiscarded)
{
    Harness h;
    BringTo(h, State::REQ_SENT);
    PppControlPacket request = h.LastRequest();
    uint8_t id = request.GetIdentifier();
    std::size_t before = h.sent.size();
    // Wrong identifier: Ack, Nak, Reject.
    for (uint8_t code : {2, 3, 4})
    {
        h.Inject(
            PppControlPacket::MakeConfigure(PppProtocol::LCP, code, id + 1, request.GetOptions()));
    }
    // Right identifier, but an Ack of other options and a Reject of an option not requested.
    h.Inject(PppControlPacket::MakeConfigure(
        PppProtocol::LCP, PppControlPacket::CONFIGURE_ACK, id, {PppOption::MakeMru(1201)}));
    h.Inject(PppControlPacket::MakeConfigure(
        PppProtocol::LCP, PppControlPacket::CONFIGURE_REJECT, id, {PppOption::MakePfc()}));
    BOOST_TEST(h.fsm->GetDiscardedResponseCount() == 5U);
    BOOST_TEST(h.fsm->GetState() == State::REQ_SENT);
    BOOST_TEST(h.sent.size() == before);
    BOOST_TEST(h.fsm->acks + h.fsm->naks + h.fsm->rejects == 0U);
    // A Nak with the right identifier adjusts the next request, which has a new identifier.
    h.AnswerLastRequest(PppControlPacket::CONFIGURE_NAK);
    BOOST_TEST(h.fsm->naks == 1U);
    PppControlPacket next = h.LastRequest();
    BOOST_TEST(next.GetIdentifier() != id);
    BOOST_TEST(next.GetOptions()[0].GetMru() == 1100U);
    // The Ack of the old request is now stale.
    h.Inject(PppControlPacket::MakeConfigure(
        PppProtocol::LCP, PppControlPacket::CONFIGURE_ACK, id, request.GetOptions()));
    BOOST_TEST(h.fsm->GetState() == State::REQ_SENT);
    BOOST_TEST(h.fsm->GetDiscardedResponseCount() == 6U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(RetransmissionUsesANewIdentifier)
{
    Harness h;
    BringTo(h, State::REQ_SENT);
    uint8_t first = h.LastRequest().GetIdentifier();
    Simulator::Stop(Seconds(3.5));
    Simulator::Run();
    uint8_t second = h.LastRequest().GetIdentifier();
    BOOST_TEST(second != first);
    BOOST_TEST(ToHex(h.sent[0]).substr(4) == ToHex(h.sent[1]).substr(4)); // same options
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(MalformedPacketsCountedAndTraced)
{
    Harness h;
    BringTo(h, State::REQ_SENT);
    std::size_t before = h.sent.size();
    h.InjectHex("01 01 00 03");       // Length below 4
    h.InjectHex("01 01 00 10 01");    // Length beyond the octets
    h.InjectHex("02");                // not even a head
    h.InjectHex("01 05 00 06 01 00"); // option with length 0
    BOOST_TEST(h.fsm->GetMalformedCount() == 4U);
    BOOST_REQUIRE(h.errors.size() == 4U);
    BOOST_TEST(h.errors[0] == WireError::BAD_LENGTH);
    BOOST_TEST(h.errors[1] == WireError::TRUNCATED);
    BOOST_TEST(h.errors[2] == WireError::TRUNCATED);
    BOOST_TEST(h.errors[3] == WireError::BAD_OPTION_LENGTH);
    BOOST_TEST(h.sent.size() == before);
    BOOST_TEST(h.fsm->GetState() == State::REQ_SENT);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(UnknownCodeAnsweredWithCodeReject)
{
    Harness h;
    BringTo(h, State::OPENED);
    uint8_t id = h.fsm->NextIdentifier() + 1; // the Code-Reject takes the next one
    h.InjectHex("0c 05 00 06 aa bb");
    Bytes expected = FromHex("07 00 00 0a 0c 05 00 06 aa bb");
    expected[1] = id;
    BOOST_TEST(ToHex(h.sent.back()) == ToHex(expected));
    // Truncated to the peer's MRU.
    h.fsm->SetPeerMru(128);
    Bytes big = FromHex("0d 06 00 c8");
    big.resize(200, 0x5a);
    h.fsm->Receive(PacketOf(big));
    BOOST_TEST(h.sent.back().size() == 128U);
    BOOST_TEST(ToHex(Bytes(h.sent.back().begin() + 4, h.sent.back().end()))
               == ToHex(Bytes(big.begin(), big.begin() + 124)));
    BOOST_TEST(h.fsm->IsOpened());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(CodeRejects)
{
    Harness h;
    BringTo(h, State::OPENED);
    h.InjectHex("07 01 00 08 09 01 00 04"); // of Echo-Request: RXJ+
    BOOST_TEST(h.fsm->IsOpened());
    BOOST_TEST(h.fsm->IsCodeRejected(PppControlPacket::ECHO_REQUEST));
    BOOST_TEST(!h.fsm->IsCodeRejected(PppControlPacket::ECHO_REPLY));
    h.InjectHex("07 02 00 08 05 01 00 04"); // of Terminate-Request: RXJ-
    BOOST_TEST(h.fsm->GetState() == State::STOPPING);
    Harness g;
    BringTo(g, State::REQ_SENT);
    g.InjectHex("07 03 00 08 01 01 00 04"); // of Configure-Request: RXJ-
    BOOST_TEST(g.fsm->GetState() == State::STOPPED);
    BOOST_TEST(g.ownerFinished == 1U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(HookThatClosesSupersedesTheEvent)
{
    // The owner's tlu closes at once (as the PPP link does when authentication is not
    // agreed): the automaton ends in CLOSING with one Terminate-Request.
    Harness h;
    h.fsm->onUp = [&h]() { h.fsm->Close("no"); };
    BringTo(h, State::ACK_SENT);
    std::size_t before = h.sent.size();
    h.AnswerLastRequest(PppControlPacket::CONFIGURE_ACK);
    BOOST_TEST(h.fsm->GetState() == State::CLOSING);
    BOOST_TEST(h.CodesSince(before) == "5");
    BOOST_TEST(h.fsm->hooks == "tlu,tld");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
