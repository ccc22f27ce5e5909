/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_TRACE_FORWARDER_H
#define PPTP_CONTROL_TRACE_FORWARDER_H

#include "pptp-call.h"
#include "pptp-control-connection.h"
#include "pptp-control-message.h"
#include "pptp-wire-error.h"

#include "ns3/ptr.h"
#include "ns3/traced-callback.h"
#include "ns3/type-id.h"

#include <cstdint>

namespace ns3
{

class GreSession;
class PptpNetDevice;
class PptpTunnel;

/**
 * \ingroup pptp
 * \brief The trace sources PptpClient and PptpServer share: those of their control
 * connections, forwarded, and the data channel's TunnelOpened / TunnelUp / TunnelDown.
 *
 * An application derives from it besides Application, adds the sources to its TypeId with
 * AddTraceSources() and calls ForwardTraces() on each control connection it makes.
 */
class PptpControlTraceForwarder
{
  public:
    virtual ~PptpControlTraceForwarder();

  protected:
    /**
     * \brief Add the shared trace sources to an application's TypeId.
     * \param tid the application's TypeId under construction
     * \return \p tid with Tx, Rx, ControlState, CallState, CallEstablished, CallCleared,
     * MalformedMessage, LinkInfo, WanError, TunnelOpened, TunnelUp and TunnelDown added
     */
    static TypeId AddTraceSources(TypeId tid);

    /**
     * \brief Forward a control connection's trace sources to this application's.
     * \param connection the connection
     */
    void ForwardTraces(Ptr<PptpControlConnection> connection);

    TracedCallback<const PptpControlMessage&> m_txTrace; //!< message sent
    TracedCallback<const PptpControlMessage&> m_rxTrace; //!< message received
    TracedCallback<PptpControlConnectionState, PptpControlConnectionState>
        m_stateTrace;                                                        //!< connection state
    TracedCallback<uint16_t, PptpCallState, PptpCallState> m_callStateTrace; //!< call state
    TracedCallback<uint16_t, uint16_t, uint16_t, uint16_t, uint16_t>
        m_callEstablishedTrace;                                                //!< call up
    TracedCallback<uint16_t, PptpCallClearReason, uint8_t> m_callClearedTrace; //!< call ended
    TracedCallback<WireError> m_malformedTrace;                                //!< malformed
    TracedCallback<uint16_t, const PptpSetLinkInfo&> m_linkInfoTrace;          //!< SLI received
    TracedCallback<uint16_t, const PptpWanErrorNotify&> m_wanErrorTrace;       //!< WEN received
    TracedCallback<uint16_t, Ptr<PptpTunnel>> m_tunnelOpenedTrace; //!< data channel opened
    TracedCallback<uint16_t, Ptr<PptpTunnel>> m_tunnelUpTrace;     //!< PPP network layer up
    TracedCallback<uint16_t, Ptr<PptpTunnel>> m_tunnelDownTrace;   //!< data channel closed
};

} // namespace ns3

#endif /* PPTP_CONTROL_TRACE_FORWARDER_H */
