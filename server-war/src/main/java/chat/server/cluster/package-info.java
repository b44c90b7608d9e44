/**
 * The only package that talks to Hazelcast (Payara's Domain Data Grid): events cross the cluster on one
 * topic and every node delivers them to its own sockets. docs/decisions/0005 says why a plain topic.
 */
package chat.server.cluster;
