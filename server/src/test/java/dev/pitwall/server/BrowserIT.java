package dev.pitwall.server;

import dev.pitwall.store.Championships;
import dev.pitwall.store.Credential;
import dev.pitwall.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The championship page in a real browser: Debian's chromium and chromium-driver, headless, driven by Selenium.
 * Screenshots land in target/screenshots.
 */
class BrowserIT {

    @TempDir
    static Path data;

    static PitwallServer server;
    static Store store;
    static Championships championships;
    static String organizer;
    static String steward;
    static WebDriver browser;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(Store.embeddedUrl(data), "sa", "", Clock.systemUTC());
        championships = new Championships(store);
        championships.importDirectory(Path.of("..", "examples", "gtws-2024-nations-cup"), "organizer");
        organizer = store.createToken("olivia", Credential.Role.ORGANIZER);
        steward = store.createToken("sam", Credential.Role.STEWARD);
        server = PitwallServer.start(championships, store, "127.0.0.1", 0);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("PITWALL_CHROMIUM", "/usr/bin/chromium", "/usr/lib/chromium/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1200,1600", "--user-data-dir=" + Files.createTempDirectory("pitwall-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary("PITWALL_CHROMEDRIVER", "/usr/bin/chromedriver"))).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    private static String binary(String env, String... candidates) {
        String configured = System.getenv(env);
        if (configured != null) {
            return configured;
        }
        return List.of(candidates).stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst()
                .orElseThrow(() -> new AssertionError("the browser tests need Debian's chromium and chromium-driver ("
                        + String.join(" or ", candidates) + "); .ci/run installs them"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.stop();
        store.close(); // before the temporary directory holding the database is removed
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** The first standings row's cells; read again if the page re-renders the table meanwhile. */
    private static List<String> firstRow() {
        for (int attempt = 0; ; attempt++) {
            try {
                WebElement row = browser.findElement(By.cssSelector("#standings tbody tr"));
                return row.findElements(By.cssSelector("td, th")).stream().map(WebElement::getText).toList();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void standingsAfterARaceAndALivePenalty() throws Exception {
        browser.get(url("/c/gtws-2024-nations-cup"));
        waiting().until(d -> d.findElements(By.cssSelector("#standings tbody tr th .driver")).size() == 12);
        waiting().until(d -> d.findElement(By.id("live")).getText().contains("live"));

        assertThat(firstRow().get(0)).isEqualTo("1");
        assertThat(firstRow().get(1)).startsWith("Takuma Miyazono");
        assertThat(firstRow().get(2)).isEqualTo("50");
        assertThat(browser.findElements(By.cssSelector("#races details"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#chart-points canvas"))).isNotEmpty();
        screenshot("championship");

        new Select(browser.findElement(By.id("after"))).selectByVisibleText("after Race 2");
        waiting().until(d -> firstRow().get(1).startsWith("Jose Serrano"));
        assertThat(firstRow().get(2)).isEqualTo("32");
        waiting().until(d -> d.findElement(By.id("outlook")).getText().contains("Before Grand Final"));
        assertThat(browser.findElement(By.id("outlook")).getText())
                .contains("Takuma Miyazono: 1st wins the title if Jose Serrano finishes 3rd or lower.");
        screenshot("after-race-2");

        new Select(browser.findElement(By.id("after"))).selectByVisibleText("after Grand Final");
        waiting().until(d -> firstRow().get(1).startsWith("Takuma Miyazono"));
        var reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
                        "/api/championships/gtws-2024-nations-cup/races/grand-final/penalties")))
                .header("Authorization", "Bearer " + steward)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\": \"time-penalty\", \"driver\": \"Takuma Miyazono\", \"seconds\": 12, \"reason\": \"Leaving the track\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(201);

        // No reload: the page follows the event stream.
        waiting().until(d -> firstRow().get(1).startsWith("Kylian Drumont"));
        assertThat(firstRow().get(2)).isEqualTo("51");
        assertThat(browser.findElements(By.cssSelector("#standings tbody tr.changed"))).isNotEmpty();
        assertThat(browser.findElement(By.id("races")).getText()).contains("Leaving the track");
        screenshot("after-penalty");
    }

    @Test
    void onAPhoneThePageFitsItsWidth() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.get(url("/c/gtws-2024-nations-cup"));
            waiting().until(d -> d.findElements(By.cssSelector("#standings tbody tr th .driver")).size() == 12);
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal overflow of the page, in pixels").isLessThanOrEqualTo(0L);
            screenshot("phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1600));
        }
    }

    @Test
    void namesFromResultsFilesAreShownAsText() throws Exception {
        String hostile = "<script>alert(1)</script>";
        String yaml = """
                championship: Escaping Cup
                points: [10, 5]
                rounds:
                  - name: Only Round
                    races: [{name: Race 1}]
                entrants:
                  - {name: "%s", country: Italy}
                  - {name: "Plain Driver", country: Spain}
                """.formatted(hostile);
        HttpClient http = HttpClient.newHttpClient();
        var created = http.send(HttpRequest.newBuilder(URI.create(url("/api/championships?id=escaping-cup")))
                .header("Authorization", "Bearer " + organizer).POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var results = http.send(HttpRequest.newBuilder(URI.create(url("/api/championships/escaping-cup/races/race-1/results")))
                .header("Authorization", "Bearer " + organizer).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("position,driver,time\n1,\"" + hostile + "\",10'00.000\n2,Plain Driver,+1.000\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(results.statusCode()).as(results.body()).isEqualTo(201);

        browser.get(url("/c/escaping-cup"));
        waiting().until(d -> d.findElements(By.cssSelector("#standings tbody tr th .driver")).size() == 2);

        assertThat(firstRow().get(1)).startsWith(hostile);
        assertThat(browser.findElements(By.cssSelector("#standings script"))).isEmpty();
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('main script').length === 0")).isTrue();
        String svg = http.send(HttpRequest.newBuilder(URI.create(url("/c/escaping-cup/progression.svg"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(svg).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(hostile);
        screenshot("escaping");
    }
}
