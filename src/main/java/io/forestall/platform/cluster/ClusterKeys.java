package io.forestall.platform.cluster;

import java.security.Provider;

/**
 * The security provider that offers {@link ClusterKeyStore} as the key store type {@value TYPE};
 * configure.cli loads it into Elytron from the {@code io.forestall.cluster} module.
 */
public final class ClusterKeys extends Provider {

  public static final String TYPE = "ForestallCluster";

  public ClusterKeys() {
    super("ForestallCluster", "1.0", "Forestall's cluster key, from FORESTALL_CLUSTER_KEY");
    put("KeyStore." + TYPE, ClusterKeyStore.class.getName());
  }
}
