package dev.shirase.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The archive page in real headless Chromium (Debian's /usr/bin/chromium and /usr/bin/chromedriver, given explicitly
 * so Selenium Manager downloads nothing). Skipped where Chromium is absent, except on CI (CI=true), where that fails.
 * The server runs with proxy-header auth; the browser sends the header through the DevTools protocol.
 */
class WebBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebTestBed bed;
    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        Assumptions.assumeTrue(present, "Chromium not installed");
        bed = WebTestBed.withProxyHeader();
        profile = Files.createTempDirectory("shirase-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1200,900", "--lang=ja", "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        // The trusted proxy would add this header; here the browser does, for every request.
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-User", "tanaka")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (bed != null) {
            bed.close();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void japaneseQueryShowsHighlightedHitsAndAFacetNarrowsThem() throws Exception {
        driver.get(bed.base() + "/");
        WebElement box = driver.findElement(By.name("q"));
        box.sendKeys("脆弱性");
        box.submit();
        List<WebElement> hits = driver.findElements(By.cssSelector("li.hit"));
        assertThat(hits).hasSizeGreaterThan(3);
        List<WebElement> marks = driver.findElements(By.cssSelector("li.hit h3 mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.get(0).getText()).isEqualTo("脆弱性");
        String total = driver.findElement(By.cssSelector(".total")).getText();

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("search.png"),
                StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("search-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));

        driver.findElement(By.cssSelector(".facet-source a[href*='source=jvn&']," + ".facet-source a[href$='source=jvn']"))
                .click();
        assertThat(driver.getCurrentUrl()).contains("source=jvn").contains("q=");
        List<WebElement> narrowed = driver.findElements(By.cssSelector("li.hit"));
        assertThat(narrowed).isNotEmpty().hasSizeLessThan(hits.size());
        assertThat(driver.findElements(By.cssSelector("li.hit .src"))).allSatisfy(e -> assertThat(e.getText()).isEqualTo("jvn"));
        assertThat(driver.findElement(By.cssSelector(".total")).getText()).isNotEqualTo(total);
    }

    @Test
    void advisoryPageShowsTheVerdictReasonAndRecordsTriage() {
        driver.get(bed.base() + "/advisories/JVNDB-2026-037242");
        WebElement match = driver.findElement(By.cssSelector(".match.verdict-affected"));
        assertThat(match.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("該当");
        assertThat(match.findElement(By.cssSelector(".reason")).getText()).isEqualTo(WebTestBed.AFFECTED_REASON);

        new Select(match.findElement(By.name("state"))).selectByValue("done");
        match.findElement(By.name("note")).sendKeys("全台 156 に更新済み");
        match.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(driver.getCurrentUrl()).contains("saved=1");
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("記録しました");
        WebElement after = driver.findElement(By.cssSelector(".match.verdict-affected"));
        assertThat(after.findElement(By.cssSelector(".state")).getText()).isEqualTo("対応済み");
        assertThat(after.findElement(By.cssSelector(".history")).getText()).contains("tanaka").contains("全台 156 に更新済み");
        assertThat(bed.matches.triageHistory(WebTestBed.CHROME_ID, "pc-chrome")).last().satisfies(r -> {
            assertThat(r.by()).isEqualTo("tanaka");
            assertThat(r.note()).isEqualTo("全台 156 に更新済み");
            assertThat(r.state().label()).isEqualTo("done");
        });
    }

    @Test
    void hostileAdvisoryStaysInert() {
        driver.get(bed.base() + "/?q=" + SearchParams.encode("悪意"));
        assertThat(driver.findElements(By.cssSelector("li.hit"))).hasSize(1);
        driver.get(bed.base() + "/advisories/" + FixtureAdvisories.HOSTILE_ID);
        JavascriptExecutor js = driver;
        assertThat(js.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("article script"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("article img"))).isEmpty();
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("<script>");
        for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
            assertThat(a.getAttribute("href")).doesNotStartWithIgnoringCase("javascript:").doesNotStartWith("data:");
        }
        assertThat(driver.findElements(By.cssSelector(".refs .dead-link"))).hasSize(2);
        // An alert would still be open; none is.
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert is open");
        } catch (org.openqa.selenium.NoAlertPresentException expected) {
            // inert
        }
    }
}
