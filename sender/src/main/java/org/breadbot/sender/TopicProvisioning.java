package org.breadbot.sender;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.breadbot.common.kafka.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the replies topic and its dead-letter topic before the consumers start, when they are missing. A broker
 * that is down does not stop the sender from starting; it reports not ready until Kafka answers.
 */
final class TopicProvisioning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    private final Admin admin;
    private final TopicProvisioner provisioner;
    private final List<String> names;
    private final Duration timeout;

    TopicProvisioning(Admin admin, TopicProvisioner provisioner, List<String> names, Duration timeout) {
        this.admin = admin;
        this.provisioner = provisioner;
        this.names = names;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (names.isEmpty()) {
            return;
        }
        try {
            provisioner.provision(admin, names, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Topic creation interrupted; topics are created by the next start");
        } catch (Exception e) {
            log.warn("Could not check or create the Kafka topics within {} ({}); continuing", timeout,
                    e.toString());
        }
    }
}
