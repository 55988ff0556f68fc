package io.forestall.outreach.web;

import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.kernel.Channel;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.outreach.MessageTemplate;
import io.forestall.outreach.MessageVariables;
import io.forestall.outreach.SmsLength;
import io.forestall.outreach.TemplateContent;
import io.forestall.outreach.TemplateRenderer;
import io.forestall.outreach.TemplateService;
import io.forestall.outreach.TemplateVersion;
import io.forestall.platform.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template editor: one channel's parts per language, the variables a template may use, a live
 * preview against one of the tenant's real cases, publishing and versions.
 */
@Named
@ViewScoped
public class TemplateEditorView implements Serializable {

  /** Languages a tenant may add a variant in. */
  private static final List<String> LANGUAGES =
      List.of("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da");

  private static final int RECENT_CASES = 30;

  @Inject TemplateService templates;
  @Inject CaseService cases;

  private Long id;
  private MessageTemplate template;
  private String name;
  private Channel channel = Channel.EMAIL;
  private String fallbackLocale = "en";
  private final Map<String, Map<String, String>> variants = new LinkedHashMap<>();
  private String locale = "en";
  private String newLocale;
  private Long previewCase;
  private String previewCustomer;
  private TemplateRenderer.Rendered preview;

  /** The tenant's newest cases, to preview against; read once per view. */
  private List<CaseRow> recentCases = List.of();

  public void load() {
    recentCases = cases.list(new CaseQuery(null, null, null, null, 0, RECENT_CASES));
    if (id == null) {
      variants.put("en", new LinkedHashMap<>());
      return;
    }
    template = templates.get(id);
    name = template.getName();
    TemplateContent content = template.content();
    channel = content.channel();
    fallbackLocale = content.fallbackLocale();
    content.variants().forEach((l, parts) -> variants.put(l, new LinkedHashMap<>(parts)));
    locale = fallbackLocale;
  }

  public void save() throws IOException {
    try {
      if (template == null) {
        MessageTemplate created = templates.create(name, content());
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .redirect("template.xhtml?id=" + created.getId());
        return;
      }
      template = templates.update(id, name, content());
      Messages.info("template.saved");
      showViolations(TemplateRenderer.check(content()), false);
    } catch (ViolationException e) {
      showViolations(e.violations(), true);
    } catch (ConflictException e) {
      Messages.error("template.conflict", e.getMessage());
    }
  }

  public void publish() {
    try {
      template = templates.update(id, name, content());
      TemplateVersion version = templates.publish(id);
      template = templates.get(id);
      Messages.info("template.published", version.getNumber());
    } catch (ViolationException e) {
      showViolations(e.violations(), true);
    } catch (ConflictException e) {
      Messages.error("template.conflict", e.getMessage());
    }
  }

  public void runPreview() {
    if (previewCase == null) {
      Messages.error("template.preview.pickCase");
      return;
    }
    try {
      preview = templates.preview(content(), previewCase);
    } catch (ViolationException e) {
      preview = null;
      showViolations(e.violations(), true);
    }
  }

  public void switchLocale(String to) {
    locale = to;
  }

  public void addLocale() {
    if (newLocale != null && !variants.containsKey(newLocale)) {
      variants.put(newLocale, new LinkedHashMap<>());
      locale = newLocale;
    }
    newLocale = null;
  }

  public void removeLocale() {
    if (variants.size() > 1 && !locale.equals(fallbackLocale)) {
      variants.remove(locale);
      locale = fallbackLocale;
    }
  }

  private TemplateContent content() {
    return new TemplateContent(channel, fallbackLocale, variants);
  }

  private static void showViolations(List<Violation> violations, boolean failed) {
    for (Violation p : violations) {
      Messages.error("template.problem", where(p.pointer()), p.message());
    }
    if (failed) {
      FacesContext.getCurrentInstance().validationFailed();
    }
  }

  /** "/variants/de/subject" → "de · subject"; "/name" → "name". */
  private static String where(String pointer) {
    return pointer.replaceFirst("^/variants/", "").replaceFirst("^/", "").replace("/", " · ");
  }

  /** The cases of the customer named in the search field, or the newest when it is empty. */
  public void findCases() {
    String customer =
        previewCustomer == null || previewCustomer.isBlank() ? null : previewCustomer.strip();
    recentCases = cases.list(new CaseQuery(null, null, customer, null, 0, RECENT_CASES));
    previewCase = recentCases.isEmpty() ? null : recentCases.get(0).getId();
  }

  public String getPreviewCustomer() {
    return previewCustomer;
  }

  public void setPreviewCustomer(String previewCustomer) {
    this.previewCustomer = previewCustomer;
  }

  public List<CaseRow> getRecentCases() {
    return recentCases;
  }

  public SmsLength getSmsLength() {
    return SmsLength.of(getParts().getOrDefault("text", ""));
  }

  public List<String> getVariables() {
    return MessageVariables.names();
  }

  public List<String> getLocales() {
    return new ArrayList<>(variants.keySet());
  }

  public List<String> getAddableLocales() {
    return LANGUAGES.stream().filter(l -> !variants.containsKey(l)).toList();
  }

  public List<TemplateVersion> getVersions() {
    return template == null ? List.of() : templates.versions(id);
  }

  public Map<String, String> getParts() {
    return variants.computeIfAbsent(locale, l -> new LinkedHashMap<>());
  }

  public Channel[] getChannels() {
    return Channel.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public MessageTemplate getTemplate() {
    return template;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Channel getChannel() {
    return channel;
  }

  public void setChannel(Channel channel) {
    this.channel = channel;
  }

  public String getFallbackLocale() {
    return fallbackLocale;
  }

  public void setFallbackLocale(String fallbackLocale) {
    this.fallbackLocale = fallbackLocale;
  }

  public String getLocale() {
    return locale;
  }

  public String getNewLocale() {
    return newLocale;
  }

  public void setNewLocale(String newLocale) {
    this.newLocale = newLocale;
  }

  public Long getPreviewCase() {
    return previewCase;
  }

  public void setPreviewCase(Long previewCase) {
    this.previewCase = previewCase;
  }

  public TemplateRenderer.Rendered getPreview() {
    return preview;
  }
}
