package org.sharingledger.platform.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an actor and waits for it: the actor and the request's correlation id go into the
 * command's metadata, and from there into every event it causes. A broken rule comes back as the exception thrown.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @SuppressWarnings("TypeParameterUnusedInFormals") // the shape of Axon's own CommandGateway.sendAndWait
    public <R> R send(Object command, Actor actor) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ActorMetaData.of(actor, CorrelationIdFilter.current())));
    }
}
