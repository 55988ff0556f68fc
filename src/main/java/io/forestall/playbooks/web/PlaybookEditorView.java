package io.forestall.playbooks.web;

import io.forestall.events.EventService;
import io.forestall.kernel.Channel;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.offers.Offer;
import io.forestall.offers.OfferService;
import io.forestall.platform.faces.Messages;
import io.forestall.platform.security.CurrentSession;
import io.forestall.playbooks.Backtest;
import io.forestall.playbooks.Backtests;
import io.forestall.playbooks.CronTimes;
import io.forestall.playbooks.DefinitionDiff;
import io.forestall.playbooks.DefinitionJson;
import io.forestall.playbooks.Level;
import io.forestall.playbooks.Playbook;
import io.forestall.playbooks.PlaybookDefinition;
import io.forestall.playbooks.PlaybookService;
import io.forestall.playbooks.PlaybookStatus;
import io.forestall.playbooks.PlaybookVersion;
import io.forestall.playbooks.Remedy;
import io.forestall.playbooks.ScanMode;
import io.forestall.playbooks.ScanRun;
import io.forestall.playbooks.ScanService;
import io.forestall.playbooks.TemplateCatalog;
import io.forestall.triggers.Aggregate;
import io.forestall.triggers.AttributeFilter;
import io.forestall.triggers.Comparison;
import io.forestall.triggers.Condition;
import io.forestall.triggers.Match;
import io.forestall.triggers.Trigger;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The playbook editor: general settings, the trigger builder, schedule and guardrails, a dry run,
 * versions with their differences, and the scan log.
 */
@Named
@ViewScoped
public class PlaybookEditorView implements Serializable {

  /** Friendly schedules; any Quartz cron may be typed instead. */
  private static final Map<String, String> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("schedule.every5", "0 */5 * * * ?");
    PRESETS.put("schedule.every15", "0 */15 * * * ?");
    PRESETS.put("schedule.hourly", "0 0 * * * ?");
    PRESETS.put("schedule.daily6", "0 0 6 * * ?");
    PRESETS.put("schedule.weekly", "0 0 6 ? * MON");
  }

  @Inject PlaybookService playbooks;
  @Inject ScanService scans;
  @Inject Backtests backtests;
  @Inject TemplateCatalog messageTemplates;
  @Inject OfferService offerService;
  @Inject CurrentSession session;
  @Inject EventService events;
  @Inject TenantDirectory tenants;

  private Long id;
  private Playbook playbook;
  private String name;
  private String description;
  private Level level = Level.ALERT;
  private int priority = 3;
  private String schedule = DefinitionJson.DEFAULT_SCHEDULE;
  private WindowInput cooldown = WindowInput.of(Duration.ofDays(7));
  private int holdoutPercent;
  private int verifyWindowDays = 14;
  private Trigger.Combine combine = Trigger.Combine.ALL;
  private List<ConditionInput> conditions = new ArrayList<>();
  private List<FilterInput> audience = new ArrayList<>();
  private String contactEventType = "ticket.created";
  private String rootCause;
  private List<String> options = new ArrayList<>();
  private String remedyAction;
  private Remedy.Confirmation remedyConfirmBy = Remedy.Confirmation.API;
  private Long offerId;

  /** The tenant's offers, to pick from; read once per view. */
  private List<Offer> offerList = List.of();

  /** The tenant's published templates per channel, to pick from; read once per view. */
  private Map<Channel, List<TemplateCatalog.Choice>> published = Map.of();

  /** Per channel name, the id of the template the playbook's message uses. */
  private final Map<String, Long> templates = new HashMap<>();

  private List<MatchRow> dryRun;
  private LocalDate backtestFrom;
  private LocalDate backtestTo;
  private transient Backtests.Running backtestRunning;
  private Backtest backtest;
  private String backtestChart;
  private int dryRunCount;
  private List<DefinitionDiff.Change> diff;
  private Integer diffVersion;

  public void load() {
    published = messageTemplates.published();
    offerList = offerService.list();
    backtestTo = LocalDate.now(session.zone());
    backtestFrom = backtestTo.minusDays(29);
    if (id == null) {
      conditions.add(new ConditionInput());
      return;
    }
    playbook = playbooks.get(id);
    fill(playbooks.draft(playbook));
  }

  private void fill(PlaybookDefinition d) {
    name = d.name();
    description = d.description();
    level = d.level();
    priority = d.priority();
    schedule = d.schedule();
    cooldown = WindowInput.of(d.cooldown());
    holdoutPercent = d.holdoutPercent();
    verifyWindowDays = (int) d.verifyWindow().toDays();
    combine = d.trigger().combine();
    conditions =
        new ArrayList<>(d.trigger().conditions().stream().map(ConditionInput::of).toList());
    audience = new ArrayList<>(d.trigger().audience().stream().map(FilterInput::of).toList());
    if (d.contactEventType() != null) {
      contactEventType = d.contactEventType();
    }
    rootCause = d.rootCause();
    options = new ArrayList<>(d.options());
    offerId = d.offerId();
    if (d.remedy() != null) {
      remedyAction = d.remedy().action();
      remedyConfirmBy = d.remedy().confirmBy();
    }
    templates.clear();
    d.messages().forEach((channel, template) -> templates.put(channel.name(), template));
  }

  PlaybookDefinition definition() {
    return new PlaybookDefinition(
        name,
        description == null || description.isBlank() ? null : description.strip(),
        level,
        priority,
        schedule == null ? "" : schedule.strip(),
        cooldown.toDuration(),
        holdoutPercent,
        Duration.ofDays(verifyWindowDays),
        new Trigger(
            combine,
            conditions.stream().map(ConditionInput::toCondition).toList(),
            audience.stream().map(FilterInput::toFilter).toList()),
        level == Level.REACT ? contactEventType : null,
        level == Level.AVOID ? rootCause : null,
        level.reachesCustomer() ? messages() : Map.of(),
        level == Level.SELF_HEAL ? options.stream().map(String::strip).toList() : List.of(),
        level == Level.PRE_EMPT
            ? new Remedy(remedyAction == null ? null : remedyAction.strip(), remedyConfirmBy)
            : null,
        level.reachesCustomer() ? offerId : null);
  }

  private Map<Channel, Long> messages() {
    Map<Channel, Long> messages = new EnumMap<>(Channel.class);
    templates.forEach(
        (channel, template) -> {
          if (template != null) {
            messages.put(Channel.valueOf(channel), template);
          }
        });
    return messages;
  }

  /** The tenant's published templates for {@code channel}, to pick from. */
  public List<TemplateCatalog.Choice> publishedTemplates(Channel channel) {
    return published.getOrDefault(channel, List.of());
  }

  public Map<String, Long> getTemplates() {
    return templates;
  }

  public Channel[] getChannels() {
    return Channel.values();
  }

  /** Saves the draft; a new playbook then opens under its own address. */
  public String save() {
    if (playbook != null) {
      saveDraft();
      return null;
    }
    try {
      playbook = playbooks.create(definition());
      Messages.info("playbook.saved", playbook.getName());
      return "/playbooks/edit?faces-redirect=true&id=" + playbook.getId();
    } catch (ViolationException e) {
      show(e.violations());
    } catch (ConflictException e) {
      error(e.getMessage());
    }
    return null;
  }

  /** Saves the form as the draft, then publishes it as the next version. */
  public void publish() {
    if (!saveDraft()) {
      return;
    }
    try {
      PlaybookVersion v = playbooks.publish(playbook.getId());
      playbook = playbooks.get(playbook.getId());
      Messages.info("playbook.published", v.getNumber());
    } catch (ConflictException e) {
      error(e.getMessage());
    }
  }

  private boolean saveDraft() {
    try {
      playbook = playbooks.update(playbook.getId(), definition());
      Messages.info("playbook.saved", playbook.getName());
      return true;
    } catch (ViolationException e) {
      show(e.violations());
    } catch (ConflictException e) {
      error(e.getMessage());
    }
    return false;
  }

  public void pause() {
    playbook = playbooks.pause(playbook.getId());
  }

  public void resume() {
    playbook = playbooks.resume(playbook.getId());
  }

  public void archive() {
    playbook = playbooks.archive(playbook.getId());
  }

  public void runDryRun() {
    try {
      List<Match> matches = scans.dryRun(definition()).matches();
      dryRunCount = matches.size();
      dryRun = matches.stream().limit(200).map(MatchRow::new).toList();
    } catch (ViolationException e) {
      show(e.violations());
    }
  }

  /** Starts a backtest of the form's definition; the page polls {@link #getBacktestProgress}. */
  public void startBacktest() {
    try {
      backtestRunning = backtests.start(definition(), backtestFrom, backtestTo);
      backtest = null;
      backtestChart = null;
    } catch (ViolationException e) {
      show(e.violations());
    } catch (ConflictException e) {
      error(Messages.text("playbook.backtest.busy"));
    }
  }

  public int getBacktestProgress() {
    if (backtestRunning == null) {
      return 0;
    }
    return backtestRunning.finished() ? 100 : Math.min(99, backtestRunning.percent());
  }

  public boolean isBacktestRunning() {
    return backtestRunning != null;
  }

  /** Takes the finished backtest's answer and charts it. */
  public void backtestDone() {
    if (backtestRunning == null) {
      return;
    }
    try {
      backtest = backtestRunning.result();
      backtestChart = BacktestChart.of(backtest);
    } catch (RuntimeException e) {
      error(Messages.text("playbook.backtest.failed"));
    } finally {
      backtestRunning = null;
    }
  }

  public void scanNow() {
    try {
      ScanRun run = scans.scan(playbook.getId(), ScanMode.MANUAL);
      Messages.info("playbook.scanned", run.getMatched(), run.getCreated());
    } catch (ConflictException e) {
      error(e.getMessage());
    }
  }

  public void showDiff(PlaybookVersion version) {
    PlaybookDefinition after = DefinitionJson.parse(version.getDefinition());
    PlaybookDefinition before =
        playbooks
            .version(playbook.getId(), version.getNumber() - 1)
            .map(v -> DefinitionJson.parse(v.getDefinition()))
            .orElse(null);
    diff = DefinitionDiff.between(before, after);
    diffVersion = version.getNumber();
  }

  public void addCondition() {
    conditions.add(new ConditionInput());
  }

  public void removeCondition(ConditionInput condition) {
    conditions.remove(condition);
  }

  public void addAudience() {
    audience.add(new FilterInput());
  }

  public void removeAudience(FilterInput filter) {
    audience.remove(filter);
  }

  public List<String> completeEventType(String prefix) {
    String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
    return events.types().stream().filter(t -> t.contains(p)).limit(20).toList();
  }

  private void show(List<Violation> violations) {
    for (Violation v : violations) {
      error(
          Messages.text("playbook.field." + field(v.pointer()), where(v.pointer()))
              + " "
              + v.message());
    }
    FacesContext.getCurrentInstance().validationFailed();
  }

  /** "trigger/conditions/1/ratio" → "ratio"; the label names the condition by its number. */
  private static String field(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    return last.matches("\\d+") ? "item" : last;
  }

  private static String where(String pointer) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(\\d+)").matcher(pointer);
    return m.find() ? Integer.toString(Integer.parseInt(m.group(1)) + 1) : "";
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  // --- what the page reads

  public List<PlaybookVersion> getVersions() {
    return playbook == null ? List.of() : playbooks.versions(playbook.getId());
  }

  public List<ScanRun> getRuns() {
    return playbook == null ? List.of() : scans.runs(playbook.getId(), 50);
  }

  public List<Date> getNextFireTimes() {
    return CronTimes.next(
        schedule == null ? "" : schedule.strip(),
        tenants.zone(TenantContext.require()),
        new Date(),
        5);
  }

  public boolean isUnpublished() {
    return playbook == null || playbooks.hasUnpublishedChanges(playbook);
  }

  public Map<String, String> getPresets() {
    return PRESETS;
  }

  public Level[] getLevels() {
    return Level.values();
  }

  public Condition.Kind[] getKinds() {
    return Condition.Kind.values();
  }

  public Aggregate[] getAggregates() {
    return Aggregate.values();
  }

  public Comparison[] getComparisons() {
    return Comparison.values();
  }

  public AttributeFilter.Operator[] getOperators() {
    return AttributeFilter.Operator.values();
  }

  public ChronoUnit[] getUnits() {
    return new ChronoUnit[] {ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS};
  }

  public Trigger.Combine[] getCombines() {
    return Trigger.Combine.values();
  }

  public boolean isActive() {
    return playbook != null && playbook.getStatus() == PlaybookStatus.ACTIVE;
  }

  // --- plain properties

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Playbook getPlaybook() {
    return playbook;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Level getLevel() {
    return level;
  }

  public void setLevel(Level level) {
    this.level = level;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public WindowInput getCooldown() {
    return cooldown;
  }

  public int getHoldoutPercent() {
    return holdoutPercent;
  }

  public void setHoldoutPercent(int holdoutPercent) {
    this.holdoutPercent = holdoutPercent;
  }

  public int getVerifyWindowDays() {
    return verifyWindowDays;
  }

  public void setVerifyWindowDays(int verifyWindowDays) {
    this.verifyWindowDays = verifyWindowDays;
  }

  public Trigger.Combine getCombine() {
    return combine;
  }

  public void setCombine(Trigger.Combine combine) {
    this.combine = combine;
  }

  public List<ConditionInput> getConditions() {
    return conditions;
  }

  public List<FilterInput> getAudience() {
    return audience;
  }

  public String getContactEventType() {
    return contactEventType;
  }

  public void setContactEventType(String contactEventType) {
    this.contactEventType = contactEventType;
  }

  public Long getOfferId() {
    return offerId;
  }

  public void setOfferId(Long offerId) {
    this.offerId = offerId;
  }

  public List<Offer> getOffers() {
    return offerList;
  }

  public List<String> getOptions() {
    return options;
  }

  public void setOptions(List<String> options) {
    this.options = options == null ? new ArrayList<>() : new ArrayList<>(options);
  }

  public String getRemedyAction() {
    return remedyAction;
  }

  public void setRemedyAction(String remedyAction) {
    this.remedyAction = remedyAction;
  }

  public Remedy.Confirmation getRemedyConfirmBy() {
    return remedyConfirmBy;
  }

  public void setRemedyConfirmBy(Remedy.Confirmation remedyConfirmBy) {
    this.remedyConfirmBy = remedyConfirmBy;
  }

  public Remedy.Confirmation[] getConfirmations() {
    return Remedy.Confirmation.values();
  }

  public String getRootCause() {
    return rootCause;
  }

  public void setRootCause(String rootCause) {
    this.rootCause = rootCause;
  }

  public List<MatchRow> getDryRun() {
    return dryRun;
  }

  public LocalDate getBacktestFrom() {
    return backtestFrom;
  }

  public void setBacktestFrom(LocalDate backtestFrom) {
    this.backtestFrom = backtestFrom;
  }

  public LocalDate getBacktestTo() {
    return backtestTo;
  }

  public void setBacktestTo(LocalDate backtestTo) {
    this.backtestTo = backtestTo;
  }

  public Backtest getBacktest() {
    return backtest;
  }

  public String getBacktestChart() {
    return backtestChart;
  }

  public int getDryRunCount() {
    return dryRunCount;
  }

  public List<DefinitionDiff.Change> getDiff() {
    return diff;
  }

  public Integer getDiffVersion() {
    return diffVersion;
  }
}
