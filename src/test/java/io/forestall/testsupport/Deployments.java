package io.forestall.testsupport;

import java.io.File;
import java.net.URISyntaxException;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the WAR the build produced, plus the test classes and
 * the libraries {@link Wait} needs in the server (Awaitility and its Hamcrest). It keeps the name
 * forestall.war, which the server's OIDC configuration is bound to.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive forestall(Class<?>... testClasses) {
    File war = new File(System.getProperty("project.build.directory", "target"), "forestall.war");
    return ShrinkWrap.create(ZipImporter.class, "forestall.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addPackage(Deployments.class.getPackage())
        .addAsLibraries(jarOf(Awaitility.class), jarOf(Matcher.class))
        .addClasses(testClasses);
  }

  /** The jar of the test class path that holds {@code type}. */
  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
