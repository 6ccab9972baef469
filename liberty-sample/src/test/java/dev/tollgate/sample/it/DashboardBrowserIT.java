package dev.tollgate.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Makes 50 mixed calls, then opens the dashboard in headless Chromium and checks what a person sees
 * against those calls; leaves the screenshot in {@code target/dashboard.png}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or {@code -Dtollgate.chromium}
 * and {@code -Dtollgate.chromedriver}); skipped without them unless
 * {@code -Dtollgate.browser.required=true}.
 */
class DashboardBrowserIT {
    private static final SampleClient SAMPLE = SampleClient.ofBuild();
    private static final List<String> MODELS = List.of("simulated/simulated-1", "simulated/simulated-2", "flaky/flaky-1");
    private static final int CALLS = 50;
    private static final String COST_COLOR = "62,123,250";

    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws Exception {
        Path chromium = Path.of(System.getProperty("tollgate.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("tollgate.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            String missing = "no headless browser: needs " + chromium + " and " + driver
                    + " (Debian: apt-get install chromium chromium-driver)";
            if (Boolean.getBoolean("tollgate.browser.required")) {
                fail(missing + ", and tollgate.browser.required is true");
            }
            System.err.println("[WARNING] Skipping the dashboard browser test: " + missing
                    + "; -Dtollgate.browser.required=true makes this a failure");
            Assumptions.abort("Skipping the dashboard browser test: " + missing);
        }
        profile = Files.createTempDirectory("tollgate-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void dashboard_showsTheCallsMadeAsChartsAndATable() throws Exception {
        long callsBefore = count(SAMPLE.settledSummary(), "count");
        Made made = makeMixedCalls();
        JsonObject summary = SAMPLE.summaryOnce(s -> count(s, "count") >= callsBefore + CALLS
                && s.getJsonObject("persistence").getJsonNumber("pending").longValue() == 0);
        assertTrue(made.failures > 0 && made.failures < CALLS, "some calls fail: " + made.failures);

        browser.get(SAMPLE.url("/dashboard/"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-loaded")));
        screenshot();

        JsonObject totals = summary.getJsonObject("totals");
        assertEquals(String.valueOf(totals.getJsonNumber("count").longValue()), text("total-calls"));
        assertEquals(String.valueOf(totals.getJsonNumber("failures").longValue()), text("total-failures"));
        assertEquals(String.format(java.util.Locale.US, "%,d", totals.getJsonNumber("inputTokens").longValue()
                + totals.getJsonNumber("outputTokens").longValue()), text("total-tokens"));

        List<WebElement> rows = browser.findElements(By.cssSelector("#latest tbody tr"));
        assertEquals(CALLS, rows.size(), "the table shows the latest 50 calls, all of them ours");
        assertEquals(made.failures, browser.findElements(By.cssSelector("#latest tbody tr.failure")).size());
        for (WebElement row : rows) {
            assertTrue(row.findElement(By.cssSelector("td.prompt")).getText().contains("dashboard question"),
                    "each row shows its captured prompt: " + row.getText());
        }

        BigDecimal totalCost = totals.getJsonNumber("cost").bigDecimalValue();
        long totalTokens = totals.getJsonNumber("inputTokens").longValue() + totals.getJsonNumber("outputTokens").longValue();
        Map<String, Object> models = chart("models-chart");
        assertTrue(((List<?>) models.get("labels")).containsAll(MODELS), "every model called is a bar: " + models);
        assertEquals(0, totalCost.compareTo(sum(models, "cost")), "model bars add up to the total cost: " + models);
        assertEquals(totalTokens, sum(models, "tokens").longValueExact(), "model bars add up to the tokens: " + models);
        Map<String, Object> calls = chart("calls-chart");
        assertTrue(((List<?>) calls.get("labels")).containsAll(List.of("advice", "advice.stream")), calls.toString());
        assertEquals(0, totalCost.compareTo(sum(calls, "cost")), "call-name bars add up to the total cost: " + calls);
        Map<String, Object> principals = chart("principals-chart");
        assertEquals(totalTokens, sum(principals, "tokens").longValueExact(), principals.toString());
        Map<String, Object> timeline = chart("timeline-chart");
        assertTrue(sum(timeline, "cost").compareTo(made.cost) >= 0, "the last minutes hold our calls: " + timeline);
        assertTrue(sum(timeline, "tokens").longValueExact() >= made.tokens, timeline.toString());
        for (String canvas : List.of("timeline-chart", "models-chart", "calls-chart", "principals-chart")) {
            assertTrue(costColoredPixels(canvas) > 20, canvas + " has cost bars drawn on it");
        }
    }

    private static void screenshot() throws Exception {
        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return the chart's labels and its two series, as the page holds them */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(String canvas) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart(arguments[0]);"
                        + "return {labels: c.data.labels, cost: c.data.datasets[0].data, tokens: c.data.datasets[1].data};",
                canvas);
    }

    private static BigDecimal sum(Map<String, Object> chart, String series) {
        return ((List<?>) chart.get(series)).stream().map(n -> new BigDecimal(n.toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long costColoredPixels(String canvas) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "const c = document.getElementById(arguments[0]);"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 0; i < d.length; i += 4) {"
                        + "  if (d[i] + ',' + d[i + 1] + ',' + d[i + 2] === arguments[1] && d[i + 3] === 255) n++; }"
                        + "return n;", canvas, COST_COLOR)).longValue();
    }

    private record Made(int failures, BigDecimal cost, long tokens) {
    }

    private static Made makeMixedCalls() throws Exception {
        int failures = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long tokens = 0;
        for (int i = 0; i < CALLS; i++) {
            HttpResponse<String> response = SAMPLE.ask("dashboard question #" + i, MODELS.get(i % MODELS.size()),
                    i % 2 == 1);
            if (response.statusCode() == 200) {
                JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
                cost = cost.add(answer.getJsonObject("cost").getJsonNumber("total").bigDecimalValue());
                tokens += answer.getJsonObject("usage").getJsonNumber("totalTokens").longValue();
            } else {
                assertTrue(response.statusCode() == 502 || response.statusCode() == 503, response.body());
                failures++;
            }
        }
        return new Made(failures, cost, tokens);
    }

    private static long count(JsonObject summary, String field) {
        return summary.getJsonObject("totals").getJsonNumber(field).longValue();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
