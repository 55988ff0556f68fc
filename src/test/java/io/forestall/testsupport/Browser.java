package io.forestall.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium, logged in through the real Keycloak page.
 * Registered as an extension it keeps a screenshot of every failed test under target/screenshots
 * and quits the browser after each test, so no Chromium outlives its test.
 */
public class Browser implements AfterEachCallback, AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private WebDriver driver;
  private WebDriverWait wait;

  public WebDriver open() {
    if (driver == null) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(installed("chromium.binary", "/usr/bin/chromium", "chromium"));
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1366,900",
          "--lang=en-GB");
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(
                  installed("chromedriver.binary", "/usr/bin/chromedriver", "chromium-driver"))
              .build();
      driver = new ChromeDriver(service, options);
      wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }
    return driver;
  }

  /**
   * The program named by the system property {@code property}, else at {@code standard}; failing
   * with the Debian package to install when it is not there.
   */
  private static File installed(String property, String standard, String debianPackage) {
    File program = new File(System.getProperty(property, standard));
    if (!program.canExecute()) {
      throw new IllegalStateException(
          program + " is not installed: apt-get install -y " + debianPackage);
    }
    return program;
  }

  /** Opens {@code path} of the app and signs in at Keycloak's page when it asks. */
  public void login(String path, String username) {
    login(Api.APP, path, username);
  }

  /** The same through another address of the app, such as a load balancer's. */
  public void login(String app, String path, String username) {
    open().get(app + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.urlContains(app.substring(app.indexOf("//") + 2)));
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Keeps a picture of what the browser shows now. */
  public void screenshot(String name) {
    if (driver == null) {
      return;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      screenshot(
          "FAILED-"
              + context.getRequiredTestClass().getSimpleName()
              + "-"
              + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_"));
    }
    close();
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }
}
